import * as path from 'node:path';
import * as vscode from 'vscode';
import { addToAllowlist } from '../core/config/allowlist';
import { configFormatOf } from '../core/config/load';
import { disableFileEdit, disableLineEdit, lintText, type TextEdit } from '../core/rules/edits';
import { fixAll, lint } from '../core/rules/lint';
import { ownerCandidates, ownerSnippet } from '../core/rules/owners';
import type { Finding } from '../core/rules/types';
import { AnalysisCache, isLargeDocument } from './analysis-cache';
import type { ConfigStore } from './config-store';
import { DIAGNOSTIC_SOURCE, toRange, type DiagnosticsController, type LintState } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');
export const SAVE_DOCUMENT_COMMAND = 'postmortem.saveDocument';
export const ALLOW_IN_SETTINGS_COMMAND = 'postmortem.allowPhraseInSettings';

/**
 * Quick fixes for postmortem findings, each one `WorkspaceEdit` (one undo): the mechanical reframing
 * ("the root cause" → "a contributing factor", drop "obviously"), an owner placeholder snippet on an
 * action item, disable the rule for the line or the file, add the phrase to the allowlist; and
 * `source.fixAll.postmortem`, every mechanical fix to a fixed point. Fixes come from the findings'
 * structured data (never from a message) and a fix whose text is no longer in the document is refused.
 */
export class PostmortemCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly cache: AnalysisCache,
    private readonly configs: ConfigStore,
    private readonly diagnostics: DiagnosticsController,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!AnalysisCache.isPostmortem(document)) return [];
    const actions: vscode.CodeAction[] = [];
    if (wants(context, FIX_ALL_KIND)) {
      const fixAll = await this.fixAllAction(document);
      if (fixAll) actions.push(fixAll);
    }
    if (!wants(context, vscode.CodeActionKind.QuickFix)) return actions;
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return actions;
    const state = await this.state(document);
    if (!state) return actions;
    const fresh = state.version === document.version;
    for (const diagnostic of ours) {
      const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = state.findings.find((f) => f.rule === rule && toRange(f.range).isEqual(diagnostic.range));
      if (!finding) continue;
      actions.push(...(await this.actionsFor(document, finding, diagnostic, state, fresh)));
    }
    return actions;
  }

  /**
   * The lint of the current version when there is one; for a small document with unsaved edits not yet
   * analysed, a lint made now (the analysis is then shared with the cache); for a large one, the last
   * lint, whose edits are then checked against the document before they are offered.
   */
  private async state(document: vscode.TextDocument): Promise<LintState | undefined> {
    const current = this.diagnostics.current(document);
    if (current) return current;
    if (isLargeDocument(document)) return this.diagnostics.latest(document);
    const { config } = await this.configs.configFor(document.uri);
    const analysis = this.cache.get(document);
    return { version: document.version, analysis, config, findings: lint(analysis, config) };
  }

  private async actionsFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, state: LintState, fresh: boolean): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const action = (title: string, edit: vscode.WorkspaceEdit, preferred = false): vscode.CodeAction => {
      const item = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      item.diagnostics = [diagnostic];
      item.edit = edit;
      item.isPreferred = preferred;
      actions.push(item);
      return item;
    };

    const fix = finding.fix;
    if (fix) {
      const fixRange = toRange(fix.range);
      // A stale fix (the document no longer holds the text it was made for) is not offered.
      if (document.validateRange(fixRange).isEqual(fixRange) && document.getText(fixRange) === fix.original) {
        const edit = new vscode.WorkspaceEdit();
        if (finding.rule === 'action-owner' && fix.original === '') {
          const snippet = ownerSnippet(ownerCandidates(state.analysis));
          edit.set(document.uri, [vscode.SnippetTextEdit.insert(fixRange.start, new vscode.SnippetString(snippet))]);
          action('Add an owner', edit, true);
        } else {
          edit.replace(document.uri, fixRange, fix.replacement);
          action(fix.description, edit, true);
        }
      }
    }

    if (fresh) {
      action(`Disable ${finding.rule} for this line`, this.textEdit(document, disableLineEdit(state.analysis, finding)));
      action(`Disable ${finding.rule} in this file`, this.textEdit(document, disableFileEdit(state.analysis, finding.rule)));
    }

    if (finding.phrase) {
      const allow = await this.allowAction(document, finding.phrase);
      if (allow) {
        allow.diagnostics = [diagnostic];
        actions.push(allow);
      }
    }
    return actions;
  }

  private textEdit(document: vscode.TextDocument, edit: TextEdit): vscode.WorkspaceEdit {
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
    return workspaceEdit;
  }

  /**
   * "Add to the allowlist" writes the project file (`allow` of the nearest `.postmortemrc`, or a new
   * `.postmortemrc.json` at the workspace folder's root), because that file is what `postmortem lint`
   * reads too: a phrase allowed in the editor is then allowed in CI. The edit is one WorkspaceEdit on
   * that file (undoable there), saved by the action's command. Outside a workspace folder it goes to the
   * user's `postmortem.allow` setting instead.
   */
  private async allowAction(document: vscode.TextDocument, phrase: string): Promise<vscode.CodeAction | undefined> {
    const title = `Add “${phrase}” to the allowlist`;
    const existing = await this.configs.fileFor(document.uri);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const target = existing ?? (folder ? vscode.Uri.joinPath(folder.uri, '.postmortemrc.json') : undefined);
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    if (!target) {
      action.title = `${title} (user settings)`;
      action.command = { command: ALLOW_IN_SETTINGS_COMMAND, title, arguments: [phrase] };
      return action;
    }
    const text = existing ? await readText(target) : '';
    if (text === undefined) return undefined;
    const updated = addToAllowlist(text, configFormatOf(target.path), phrase);
    if (updated === undefined || updated === text) return undefined;
    const edit = new vscode.WorkspaceEdit();
    if (existing) {
      const open = await vscode.workspace.openTextDocument(target);
      edit.replace(target, new vscode.Range(new vscode.Position(0, 0), open.lineAt(open.lineCount - 1).range.end), updated);
    } else {
      edit.createFile(target, { ignoreIfExists: true });
      edit.insert(target, new vscode.Position(0, 0), updated);
    }
    action.title = `${title} (${path.posix.basename(target.path)})`;
    action.edit = edit;
    action.command = { command: SAVE_DOCUMENT_COMMAND, title: 'Save', arguments: [target] };
    return action;
  }

  /**
   * `source.fixAll.postmortem`: one edit over the span that changes; nothing when nothing would. The first
   * pass uses the current lint (no parse when nothing is fixable); later passes lint the fixed text.
   */
  private async fixAllAction(document: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
    const state = this.diagnostics.current(document);
    const config = state?.config ?? (await this.configs.configFor(document.uri)).config;
    const text = document.getText();
    if (state && !state.findings.some((finding) => finding.fix)) return undefined;
    const fixed = fixAll(text, (current) => (state && current === text ? state.findings : lintText(current, config).findings));
    if (fixed === text) return undefined;
    let start = 0;
    while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++;
    let end = 0;
    while (end < text.length - start && end < fixed.length - start && text[text.length - 1 - end] === fixed[fixed.length - 1 - end]) end++;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(text.length - end)), fixed.slice(start, fixed.length - end));
    const action = new vscode.CodeAction('Fix all mechanical postmortem problems', FIX_ALL_KIND);
    action.edit = edit;
    return action;
  }
}

function wants(context: vscode.CodeActionContext, kind: vscode.CodeActionKind): boolean {
  if (!context.only) return kind.value === vscode.CodeActionKind.QuickFix.value;
  return context.only.contains(kind) || kind.contains(context.only);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    return undefined;
  }
}

/** `postmortem.saveDocument`: saves the project file an allowlist fix edited, so CI reads the same list. */
export async function saveDocument(uri: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri)) return;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document?.isDirty) await document.save();
}

/** Outside a workspace folder: the phrase goes to the user's `postmortem.allow`. */
export async function allowInSettings(phrase: unknown): Promise<void> {
  if (typeof phrase !== 'string') return;
  const configuration = vscode.workspace.getConfiguration('postmortem');
  const current = configuration.inspect<string[]>('allow')?.globalValue ?? [];
  if (!current.includes(phrase)) await configuration.update('allow', [...current, phrase], vscode.ConfigurationTarget.Global);
}
