// Small helpers for the extension-host suites (real `vscode` API, no mocks).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem';
export const FIXTURE = 'checkout-outage.postmortem.md';

/** Polls `fn` until it returns a truthy value; fails with `what` after `ms`. */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, ms = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has the fixture workspace open');
  return folder.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await readBytes(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

let copies = 0;
/** Copies a fixture file to a fresh name in the workspace, so each test owns its source and export targets. */
export async function copyFixture(stem: string, from = FIXTURE): Promise<vscode.Uri> {
  const suffix = from.endsWith('.postmortem.md') ? '.postmortem.md' : '.md';
  const target = fileUri(`${stem}-${++copies}-${Date.now()}${suffix}`);
  await vscode.workspace.fs.copy(fileUri(from), target, { overwrite: false });
  return target;
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded from the development path`);
  return ext;
}

/** The document with this URI as VS Code currently holds it (language changes replace the object). */
export function currentDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}
