import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import type { PostmortemConfig } from '../core/config/types';
import type { SourceRange } from '../core/model/types';
import { repositoryDocsBase } from '../core/rules/docs-base';
import { lint } from '../core/rules/lint';
import { ruleDocsUrl } from '../core/rules/registry';
import type { Finding, FindingSeverity } from '../core/rules/types';
import { AnalysisCache, isLargeDocument, LARGE_DOCUMENT_CHARS, type AnalysisEvent } from './analysis-cache';
import type { ConfigStore } from './config-store';

export const DIAGNOSTIC_SOURCE = 'postmortem';

const SEVERITY: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Core ranges (1-based line and column) become editor ranges here and nowhere else. */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

/** A finding whose fix deletes the phrase ("obviously", "simply"): shown faded as well as underlined. */
export function isRemovable(finding: Finding): boolean {
  const { fix, phrase } = finding;
  if (!fix || !phrase) return false;
  const lower = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
  return lower(fix.original).includes(lower(phrase)) && !lower(fix.replacement).includes(lower(phrase)) && fix.replacement.trim().length <= 1;
}

/** The lint result of one document version: what code actions read, so they never lint again. */
export interface LintState {
  version: number;
  analysis: Analysis;
  config: PostmortemConfig;
  findings: Finding[];
}

export type LintRun = 'onType' | 'onSave';

export function lintRunSetting(uri: vscode.Uri): LintRun {
  return vscode.workspace.getConfiguration('postmortem', uri).get<string>('lint.run') === 'onSave' ? 'onSave' : 'onType';
}

/**
 * The `postmortem` diagnostics: each fresh analysis of the shared cache (no second parse) is linted
 * with the document's configuration and published, unless the document changed meanwhile. With
 * `postmortem.lint.run: onSave` (and always for large documents, whose analysis waits for a save)
 * diagnostics change when the document is opened or saved, not while it has unsaved edits.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly states = new Map<string, LintState>();
  /** Per document, the newest lint request: an older one finishing later is dropped. */
  private readonly requests = new Map<string, number>();
  private readonly toldLarge = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private requestCounter = 0;

  /** Fires after a document's diagnostics were published (the tests wait on it through the API). */
  readonly onDidLint = this.emitter.event;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly configs: ConfigStore,
    private readonly extensionUri: vscode.Uri,
    private readonly docsBase: string | undefined = undefined,
  ) {
    this.disposables.push(
      this.collection,
      this.emitter,
      cache.onDidAnalyze((event) => this.onAnalysis(event)),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (AnalysisCache.isPostmortem(document) && lintRunSetting(document.uri) === 'onSave') void this.lintDocument(document, this.cache.get(document));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      configs.onDidChange(() => this.cache.refreshAll()),
    );
    for (const document of vscode.workspace.textDocuments) {
      if (AnalysisCache.isPostmortem(document)) void this.lintDocument(document, this.cache.get(document));
    }
  }

  /** The last lint of this document when it matches its current version. */
  current(document: vscode.TextDocument): LintState | undefined {
    const state = this.states.get(document.uri.toString());
    return state && state.version === document.version ? state : undefined;
  }

  /** The last lint of this document, whatever version it was made for. */
  latest(document: vscode.TextDocument): LintState | undefined {
    return this.states.get(document.uri.toString());
  }

  private onAnalysis({ document, analysis }: AnalysisEvent): void {
    if (isLargeDocument(document)) this.tellLargeOnce(document);
    // onSave: keep the diagnostics of the saved text while there are unsaved edits.
    if (lintRunSetting(document.uri) === 'onSave' && document.isDirty) return;
    void this.lintDocument(document, analysis);
  }

  private async lintDocument(document: vscode.TextDocument, analysis: Analysis): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const request = ++this.requestCounter;
    this.requests.set(key, request);
    const { config } = await this.configs.configFor(document.uri);
    if (this.requests.get(key) !== request || document.isClosed || document.version !== version) return;
    let findings: Finding[];
    try {
      findings = lint(analysis, config);
    } catch (error) {
      // A rule that throws must not take the other diagnostics (or the extension) down with it.
      console.error(`postmortem: lint failed for ${document.uri.toString()}:`, error);
      return;
    }
    this.states.set(key, { version, analysis, config, findings });
    this.collection.set(document.uri, findings.map((finding) => this.toDiagnostic(finding)));
    this.emitter.fire(document.uri);
  }

  private toDiagnostic(finding: Finding): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: this.docsUri(finding.rule) };
    if (isRemovable(finding)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
    return diagnostic;
  }

  /** The rule's docs page: on the repository when package.json names one, else shipped in the extension (docs/rules). */
  private docsUri(rule: string): vscode.Uri {
    if (this.docsBase) return vscode.Uri.parse(ruleDocsUrl(rule, this.docsBase));
    const [relative, fragment] = ruleDocsUrl(rule).split('#');
    const uri = vscode.Uri.joinPath(this.extensionUri, relative);
    return fragment ? uri.with({ fragment }) : uri;
  }

  private tellLargeOnce(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.toldLarge.has(key)) return;
    this.toldLarge.add(key);
    const name = document.uri.path.split('/').pop() ?? 'This postmortem';
    void vscode.window.showInformationMessage(
      `${name} is larger than ${Math.round(LARGE_DOCUMENT_CHARS / 1024)} KB: Postmortem checks it when it is opened and saved, not as you type.`,
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.collection.delete(uri);
    this.states.delete(key);
    this.requests.delete(key);
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.states.clear();
  }
}

/** The docs base for diagnostic links from the extension's package.json (`repository`), if any. */
export function docsBaseOf(packageJson: unknown): string | undefined {
  return repositoryDocsBase((packageJson as { repository?: unknown } | undefined)?.repository);
}
