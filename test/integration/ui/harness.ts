// Shared helpers for the browser-level tests: drive code-server's web workbench like a person would.
// The runner (../run.mjs) starts code-server and chromium and hands over the page through `globalThis.postmortemUi`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export interface UiContext {
  page: Page;
  /** The throwaway copy of test/integration/fixtures/workspace that the window has open. */
  workspace: string;
  /** Where screenshots go (test-results/integration/, ignored). */
  screenshots: string;
  vscodeVersion: string;
}

export function ui(): UiContext {
  const context = (globalThis as { postmortemUi?: UiContext }).postmortemUi;
  if (!context) throw new Error('run the browser tests through test/integration/run.mjs');
  return context;
}

export const page = (): Page => ui().page;
export const workspaceFile = (name: string): string => path.join(ui().workspace, name);

export async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ui().screenshots, { recursive: true });
  const file = path.join(ui().screenshots, `${name}.png`);
  await page().screenshot({ path: file });
  return file;
}

/** Opens a quick input (command palette, Quick Open, Go to Line) with `key` and types `text` into it. */
async function quickInput(key: string, text: string): Promise<void> {
  const p = page();
  await p.keyboard.press('Escape');
  await p.keyboard.press(key);
  const input = p.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
}

/** Waits for the quick input's list to show a row with `label`; the error lists what it shows instead. */
async function quickInputRow(label: string): Promise<void> {
  const rows = page().locator('.quick-input-list .monaco-list-row');
  try {
    await rows.filter({ hasText: label }).first().waitFor({ timeout: 15_000 });
  } catch {
    const shown = (await rows.allInnerTexts().catch(() => [])).join(' | ') || '(nothing)';
    throw new Error(`"${label}" is not listed; the list shows: ${shown}`);
  }
}

/** Runs a command from the command palette by its label, as a person would. */
export async function runCommand(label: string): Promise<void> {
  await quickInput('F1', '>' + label);
  await quickInputRow(label);
  await page().keyboard.press('Enter');
}

/** The rows the command palette lists for `query` (the palette is left open; press Escape to close it). */
export async function paletteRows(query: string): Promise<string[]> {
  await quickInput('F1', '>' + query);
  const rows = page().locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  return rows.allInnerTexts();
}

/** Opens a workspace file through Quick Open and waits until its editor is active. */
export async function openFile(name: string): Promise<Locator> {
  const p = page();
  await quickInput('Control+P', name);
  await quickInputRow(name);
  await p.keyboard.press('Enter');
  await p.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  const editor = p.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/** Moves the caret to a 1-based line and column with "Go to Line/Column". */
export async function goTo(line: number, column: number): Promise<void> {
  await quickInput('Control+G', `:${line}:${column}`);
  await page().keyboard.press('Enter');
  await page().locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** 1-based line and column of the first occurrence of `text` in a workspace file (offset into the match). */
export function positionOf(file: string, text: string, offset = 1): { line: number; column: number } {
  const lines = fs.readFileSync(workspaceFile(file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`${text} not found in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(text) + 1 + offset };
}

/**
 * The TextMate scopes VS Code shows (Developer: Inspect Editor Tokens and Scopes) for the token holding the first
 * occurrence of `text` in a workspace file, which must be open in the active editor; saves a screenshot of the widget.
 */
export async function inspectScopes(file: string, text: string, shot: string): Promise<string> {
  const at = positionOf(file, text);
  await goTo(at.line, at.column);
  await runCommand('Developer: Inspect Editor Tokens and Scopes');
  const widget = page().locator('.token-inspect-widget');
  await widget.waitFor({ timeout: 15_000 });
  await screenshot(shot);
  return widget.innerText();
}

/** Waits for a file to satisfy `check` (files are written by the extension host, asynchronously). */
export async function waitForFile(file: string, check: (text: string) => boolean, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (text !== undefined && check(text)) return text;
    if (Date.now() > end) throw new Error(`timed out waiting for ${file}; it holds: ${text === undefined ? '(no file)' : JSON.stringify(text.slice(0, 200))}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The modal dialog (e.g. "overwrite?"), once shown. */
export async function modalDialog(): Promise<Locator> {
  const dialog = page().locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 20_000 });
  return dialog;
}

/**
 * Waits for a notification with `text`: as a toast, or (toasts hide themselves, differently across VS Code versions)
 * in the notification center, which is opened when the toast is not seen within a few seconds.
 */
export async function waitForNotification(text: string, ms = 20_000): Promise<void> {
  const p = page();
  const toast = p.locator('.notification-toast', { hasText: text }).first();
  try {
    await toast.waitFor({ timeout: 4_000 });
    return;
  } catch {
    // look in the center
  }
  await runCommand('Notifications: Show Notifications');
  try {
    await p.locator('.notifications-center .monaco-list-row', { hasText: text }).first().waitFor({ timeout: ms });
  } catch {
    const shown = (await p.locator('.notifications-center').innerText().catch(() => '')).trim() || '(none)';
    throw new Error(`no notification "${text}"; the notification center shows: ${shown}`);
  }
}

/** Opens the Problems panel and returns it. */
export async function problemsPanel(): Promise<Locator> {
  await runCommand('View: Focus Problems');
  const panel = page().locator('.markers-panel');
  await panel.waitFor({ timeout: 15_000 });
  return panel;
}
