import * as vscode from 'vscode';
import snippets from '../../snippets/postmortem.json';
import { LANGUAGE_ID } from './analysis-cache';

/** The whole-postmortem template: the `postmortem` snippet, so the command and the snippet never differ. */
export function templateSnippet(): string {
  const template = Object.values(snippets as Record<string, { prefix: string; body: string[] }>).find((s) => s.prefix === 'postmortem');
  if (!template) throw new Error('snippets/postmortem.json has no "postmortem" snippet');
  return template.body.join('\n');
}

/** `postmortem.newPostmortem`: an untitled postmortem holding the template, placeholders ready to fill. */
export async function newPostmortem(): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(templateSnippet()), new vscode.Position(0, 0));
  return document.uri;
}

/** `postmortem.useForFile`: switches the active (or given) Markdown document to postmortem mode. */
export async function useForFile(arg?: unknown): Promise<vscode.TextDocument | undefined> {
  const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showErrorMessage('Open a Markdown file first.');
    return undefined;
  }
  if (document.languageId === LANGUAGE_ID) return document;
  const switched = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  if (!/\.postmortem\.md$/i.test(switched.uri.path) && switched.uri.scheme !== 'untitled') {
    void vscode.window.showInformationMessage(
      'Postmortem mode is on for this file until it is closed. Name it *.postmortem.md to open it in postmortem mode every time.',
    );
  }
  return switched;
}

/**
 * `postmortem.showPreview` / `postmortem.showPreviewToSide`: VS Code's Markdown preview for a postmortem.
 * The built-in preview renders any document it is given by Uri and refreshes as it is edited; only the
 * editor-to-preview scroll sync and "follow the active editor" are limited to its own Markdown language ids.
 */
export async function showPreview(sideBySide: boolean, arg?: unknown): Promise<void> {
  const resource = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!resource) {
    void vscode.window.showErrorMessage('Open a postmortem to preview it.');
    return;
  }
  try {
    await vscode.commands.executeCommand(sideBySide ? 'markdown.showPreviewToSide' : 'markdown.showPreview', resource);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `The Markdown preview is not available (is the built-in "Markdown Language Features" extension enabled?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A timeline entry at `now` in UTC, as a snippet: `- 14:02 UTC [source] What happened`. */
export function utcTimelineEntry(now: Date): string {
  return `- ${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())} UTC [\${1:source}] \${2:What happened}$0`;
}

/**
 * `postmortem.insertTimelineEntry`: the companion of the `timeline-entry` snippet that writes the true
 * current UTC time (snippet variables only know local time). On a non-empty line it starts a new line.
 */
export async function insertTimelineEntry(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line);
  const snippet = utcTimelineEntry(new Date());
  if (line.isEmptyOrWhitespace) {
    await editor.insertSnippet(new vscode.SnippetString(snippet), line.range);
  } else {
    await editor.insertSnippet(new vscode.SnippetString('\n' + snippet), line.range.end);
  }
}
