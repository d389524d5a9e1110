import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analyze';
import { findConfig, type FoundConfig } from '../core/config/discover';
import type { ConfigProblem } from '../core/config/load';
import { analyzeOptionsOf } from '../core/config/defaults';
import { resolveConfig } from '../core/config/merge';
import { configFromSettings, SETTING_KEYS, type InspectedSettings } from '../core/config/settings';
import type { PostmortemConfig } from '../core/config/types';

export const CONFIG_GLOB = '**/.postmortemrc.{json,yaml,yml}';

/** The configuration of one document and the project file it came from (undefined: settings only). */
export interface DocumentConfig {
  config: PostmortemConfig;
  file: vscode.Uri | undefined;
}

/**
 * The lint configuration of each document, resolved as the CLI does: defaults < `postmortem.*`
 * settings < the nearest `.postmortemrc.json|yaml|yml` from the document's folder up to its workspace
 * folder (the same `findConfig` as `postmortem lint`). In an untrusted workspace, custom patterns
 * (`extraPhrases`) from workspace settings and from the project file are ignored. Project files are
 * watched; a change, a settings change or a grant of trust re-resolves everything and fires
 * `onDidChange`. Problems in a project file are shown as diagnostics on it.
 */
export class ConfigStore implements vscode.Disposable {
  private readonly byDocument = new Map<string, Promise<DocumentConfig>>();
  /** The last resolved configuration per document, for synchronous readers (the analysis's severity scale). */
  private readonly settled = new Map<string, PostmortemConfig>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly problems = vscode.languages.createDiagnosticCollection('postmortem-config');
  private readonly disposables: vscode.Disposable[] = [];

  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
    this.disposables.push(
      this.emitter,
      this.problems,
      watcher,
      watcher.onDidCreate(() => this.invalidate()),
      watcher.onDidChange(() => this.invalidate()),
      watcher.onDidDelete((uri) => {
        this.problems.delete(uri);
        this.invalidate();
      }),
      // Saving from the editor is seen at once, also where the watcher is slow (remote, virtual file systems).
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isConfigFile(document.uri)) this.invalidate();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
    );
  }

  /** The configuration of the document at `uri` (cached until something changes). */
  configFor(uri: vscode.Uri): Promise<DocumentConfig> {
    const key = uri.toString();
    let pending = this.byDocument.get(key);
    if (!pending) {
      pending = this.resolve(uri).then((resolved) => {
        const before = this.settled.get(key);
        this.settled.set(key, resolved.config);
        // The analysis was made with the scale known then: when the project file changes it, analyse again.
        if (before === undefined ? resolved.config.severityScale !== null : JSON.stringify(before.severityScale) !== JSON.stringify(resolved.config.severityScale)) {
          if (this.byDocument.get(key) === pending) this.emitter.fire();
        }
        return resolved;
      });
      this.byDocument.set(key, pending);
    }
    return pending;
  }

  /** Analyse options from the last configuration resolved for `uri` (settings alone before the first). */
  analyzeOptionsFor(uri: vscode.Uri): AnalyzeOptions {
    const config = this.settled.get(uri.toString()) ?? resolveConfig({ settings: this.settingsLayer(uri) });
    return analyzeOptionsOf(config);
  }

  private invalidate(): void {
    this.byDocument.clear();
    this.emitter.fire();
  }

  private async resolve(uri: vscode.Uri): Promise<DocumentConfig> {
    const trusted = vscode.workspace.isTrusted;
    const settings = this.settingsLayer(uri);
    const found = await this.findFile(uri);
    const file = found ? uri.with({ path: found.file, query: '', fragment: '' }) : undefined;
    if (found && file) this.showProblems(file, found.problems);
    return { config: resolveConfig({ settings, file: found?.config, trusted }), file };
  }

  /** The settings layer, workspace-supplied custom patterns left out when the workspace is not trusted. */
  private settingsLayer(uri: vscode.Uri) {
    const configuration = vscode.workspace.getConfiguration('postmortem', uri);
    const inspected: InspectedSettings = {};
    for (const key of SETTING_KEYS) inspected[key] = configuration.inspect(key);
    return configFromSettings(inspected, { trusted: vscode.workspace.isTrusted }).config;
  }

  /** The project file for a document: searched from its folder up to its workspace folder (or the root outside one). */
  private async findFile(uri: vscode.Uri): Promise<FoundConfig | undefined> {
    if (uri.scheme === 'untitled') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    try {
      return await findConfig(path.posix.dirname(uri.path), {
        pathApi: path.posix,
        stopAt: folder?.uri.path,
        read: (file) => readIfExists(uri.with({ path: file, query: '', fragment: '' })),
      });
    } catch {
      return undefined;
    }
  }

  private showProblems(file: vscode.Uri, problems: readonly ConfigProblem[]): void {
    void readIfExists(file).then((text) => {
      const diagnostics = problems.map((problem) => {
        const range = locateProblem(text ?? '', problem.path);
        const diagnostic = new vscode.Diagnostic(range, problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'postmortem';
        return diagnostic;
      });
      this.problems.set(file, diagnostics);
    });
  }

  /** The project file that governs `uri`, if any (for "add to the allowlist"). */
  async fileFor(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    return (await this.configFor(uri)).file;
  }

  dispose(): void {
    this.byDocument.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return /(^|\/)\.postmortemrc\.(json|ya?ml)$/.test(uri.path);
}

/** A file's text: the open document's (unsaved edits included) or the file's; undefined when there is none. */
async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // no such file (or a folder by that name): keep looking upward
  }
}

/** Where a configuration problem's path (`/rules/blam`) points in the file: its last key, else the first line. */
function locateProblem(text: string, pointer: string): vscode.Range {
  const key = pointer.split('/').filter((part) => part !== '').pop();
  const lines = text.split(/\r?\n/);
  if (key !== undefined) {
    const pattern = new RegExp(`(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*:`);
    for (let line = 0; line < lines.length; line++) {
      const match = pattern.exec(lines[line]);
      if (match) return new vscode.Range(line, match.index, line, match.index + match[0].length - 1);
    }
  }
  return new vscode.Range(0, 0, 0, lines[0]?.length ?? 0);
}
