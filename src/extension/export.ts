import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExchangeFormat } from '../core/format/document';
import { exportPostmortem } from '../core/format/export';
import { exportTargetPath } from '../core/format/target';
import { validateExchangeText, type ValidationResult } from '../core/format/validate';
import type { AnalysisCache } from './analysis-cache';

const SOURCE_NAME = /\.postmortem\.(md|markdown)$/i;
const EXCHANGE_NAME = /\.postmortem\.(json|ya?ml)$/i;
/** How many validation errors the message names; all of them become diagnostics. */
const ERRORS_IN_MESSAGE = 3;

function baseName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

function isDirectory(stat: vscode.FileStat | undefined): boolean {
  return stat !== undefined && (stat.type & vscode.FileType.Directory) !== 0;
}

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** The document for a command: its Uri argument (explorer, editor title) or the active editor's. */
async function commandDocument(arg: unknown, accepts: (document: vscode.TextDocument) => boolean, what: string): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) {
    try {
      // An open document comes back as it is in the editor, unsaved edits included.
      return await vscode.workspace.openTextDocument(arg);
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot open ${baseName(arg)}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && accepts(active)) return active;
  void vscode.window.showErrorMessage(`Open ${what} first, or choose one in the Explorer.`);
  return undefined;
}

/**
 * Where an export of `source` goes: `<name>.postmortem.json|yaml` beside it, or in `postmortem.export.folder`
 * (relative to the source's workspace folder, or to its own folder outside a workspace; or absolute).
 */
export function exportTarget(source: vscode.Uri, format: ExchangeFormat): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('postmortem', source).get<string>('export.folder', '').trim();
  let folder: vscode.Uri | undefined;
  if (setting) {
    if (path.isAbsolute(setting)) {
      folder = source.scheme === 'file' ? vscode.Uri.file(setting) : source.with({ path: setting.replace(/\\/g, '/') });
    } else {
      const base = vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.Uri.joinPath(source, '..');
      folder = vscode.Uri.joinPath(base, setting.replace(/\\/g, '/'));
    }
  }
  if (source.scheme === 'file') return vscode.Uri.file(exportTargetPath(source.fsPath, format, folder?.fsPath));
  return source.with({ path: exportTargetPath(source.path, format, folder?.path).replace(/\\/g, '/') });
}

/** Writes through a temporary file beside the target, so a failed write never leaves half a file. */
async function writeThroughTemporary(target: vscode.Uri, content: string): Promise<void> {
  const folder = vscode.Uri.joinPath(target, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const temporary = vscode.Uri.joinPath(folder, `.${baseName(target)}.${process.pid}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
  try {
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

/**
 * Exports the active postmortem (or the one given as a Uri) to the Postmortem Format, from the document
 * text as it is in the editor. Resolves to the written file, or undefined when nothing was written
 * (invalid postmortem, the overwrite declined, a write error).
 */
export async function exportCommand(cache: AnalysisCache, format: ExchangeFormat, arg?: unknown): Promise<vscode.Uri | undefined> {
  const document = await commandDocument(
    arg,
    (d) => d.languageId === 'postmortem' || SOURCE_NAME.test(d.uri.path),
    'a postmortem (*.postmortem.md)',
  );
  if (!document) return undefined;
  const sourceName = baseName(document.uri);

  const result = exportPostmortem(cache.get(document), format, { sourceName });
  if (!result.ok) {
    const [first] = result.errors;
    const where = first.range ? ` (${sourceName}:${first.range.start.line})` : '';
    const field = first.path || 'the document';
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    void vscode.window.showErrorMessage(`Cannot export ${sourceName}: ${field}: ${first.message}${where}${more}. Nothing was written.`);
    return undefined;
  }

  const target = exportTarget(document.uri, format);
  const targetName = baseName(target);
  const existing = await statOrUndefined(target);
  if (isDirectory(existing)) {
    void vscode.window.showErrorMessage(`Cannot export ${sourceName}: ${vscode.workspace.asRelativePath(target)} is a folder.`);
    return undefined;
  }
  if (existing) {
    const choice = await vscode.window.showWarningMessage(`${targetName} already exists. Overwrite?`, { modal: true }, 'Overwrite');
    if (choice !== 'Overwrite') return undefined;
  }

  try {
    await writeThroughTemporary(target, result.content);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot write ${vscode.workspace.asRelativePath(target)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }

  void vscode.window.showInformationMessage(`Exported ${sourceName} to ${vscode.workspace.asRelativePath(target)}`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
  return target;
}

/** Diagnostics of `postmortem.validateExport` on exchange files; cleared when a file validates. */
export function createExportDiagnostics(): vscode.DiagnosticCollection {
  return vscode.languages.createDiagnosticCollection('postmortem-export');
}

function toDiagnostic(document: vscode.TextDocument | undefined, error: { path: string; message: string; line: number; column: number }): vscode.Diagnostic {
  const line = Math.max(0, error.line - 1);
  const start = new vscode.Position(line, Math.max(0, error.column - 1));
  const end = document && line < document.lineCount ? document.lineAt(line).range.end : start;
  const range = new vscode.Range(start, end.isBefore(start) ? start : end);
  const diagnostic = new vscode.Diagnostic(range, error.path ? `${error.path}: ${error.message}` : error.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'Postmortem Format';
  return diagnostic;
}

/**
 * The file to validate without an argument: the active exchange file; from a postmortem, its export
 * (asking which when both a JSON and a YAML one exist); otherwise one chosen in a dialog.
 */
async function chooseExchangeFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && EXCHANGE_NAME.test(active.uri.path)) return active.uri;
  let defaultUri: vscode.Uri | undefined;
  if (active && (active.languageId === 'postmortem' || SOURCE_NAME.test(active.uri.path)) && active.uri.scheme !== 'untitled') {
    const targets = (['json', 'yaml'] as const).map((format) => exportTarget(active.uri, format));
    const existing: vscode.Uri[] = [];
    for (const target of targets) if ((await statOrUndefined(target))?.type === vscode.FileType.File) existing.push(target);
    if (existing.length === 1) return existing[0];
    if (existing.length > 1) {
      const picked = await vscode.window.showQuickPick(
        existing.map((uri) => ({ label: baseName(uri), description: vscode.workspace.asRelativePath(uri), uri })),
        { placeHolder: 'Which export of this postmortem should be validated?' },
      );
      return picked?.uri;
    }
    defaultUri = vscode.Uri.joinPath(targets[0], '..');
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri,
    openLabel: 'Validate',
    filters: { 'Postmortem Format': ['json', 'yaml', 'yml'] },
  });
  return picked?.[0];
}

/**
 * Validates an exported `*.postmortem.json|yaml` file (the one given, or see `chooseExchangeFile`) against
 * the Postmortem Format; reports the outcome and publishes the errors as diagnostics.
 */
export async function validateExportCommand(diagnostics: vscode.DiagnosticCollection, arg?: unknown): Promise<ValidationResult | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : await chooseExchangeFile();
  if (!uri) return undefined;

  const name = baseName(uri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string;
  try {
    text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const format: ExchangeFormat = /\.json$/i.test(uri.path) ? 'json' : 'yaml';
  const result = validateExchangeText(text, format);

  if (result.ok) {
    diagnostics.delete(uri);
    void vscode.window.showInformationMessage(`${name} is a valid Postmortem Format file.`);
    return result;
  }
  diagnostics.set(uri, result.errors.map((error) => toDiagnostic(open, error)));
  const listed = result.errors
    .slice(0, ERRORS_IN_MESSAGE)
    .map((e) => `${e.path ? `${e.path}: ` : ''}${e.message} (${name}:${e.line}:${e.column})`)
    .join('; ');
  const more = result.errors.length > ERRORS_IN_MESSAGE ? `; and ${result.errors.length - ERRORS_IN_MESSAGE} more` : '';
  void vscode.window.showErrorMessage(`${name} is not a valid Postmortem Format file: ${listed}${more}`, 'Show Problems').then((choice) => {
    if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
