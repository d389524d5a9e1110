import * as vscode from 'vscode';
import { ownerCandidates } from '../core/rules/owners';
import type { Analysis } from '../core/analyze';

/** `@dan|` anywhere, or `owner: |` / `owner: Da|`: what is being typed and where it starts. */
const AT_HANDLE = /(?<![\p{L}\p{N}_.@/])@[\p{L}\p{N}_.-]*$/u;
const AFTER_OWNER = /\bowners?:\s*([^\s,;@][^,;]*)?$/iu;

/**
 * Completes owners: after `@` and after `owner:`, the front matter's participants (by @handle or
 * name), owners of other action items and @handles already used in the document. Reads the shared
 * analysis (the last one made; no parse per keystroke).
 */
export class OwnerCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['@', ':', ' '];

  /** `analysisOf`: the freshest analysis at hand, without parsing a large document again. */
  constructor(private readonly analysisOf: (document: vscode.TextDocument) => Analysis) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const at = AT_HANDLE.exec(before);
    const owner = at ? null : AFTER_OWNER.exec(before);
    if (!at && !owner) return undefined;
    const typed = at ? at[0] : (owner![1] ?? '');
    const analysis = this.analysisOf(document);
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const candidates = ownerCandidates(analysis).filter((candidate) => !at || candidate.value.startsWith('@'));
    return candidates.map((candidate, index) => {
      const item = new vscode.CompletionItem(candidate.value, candidate.value.startsWith('@') ? vscode.CompletionItemKind.User : vscode.CompletionItemKind.Text);
      item.detail = candidate.detail;
      item.range = range;
      item.sortText = String(index).padStart(4, '0');
      return item;
    });
  }
}
