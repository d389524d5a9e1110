import * as vscode from 'vscode';
import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';

export const LANGUAGE_ID = 'postmortem';

/** How long typing must pause before a changed document is analysed again (VS Code's preview uses 300 ms). */
const DEBOUNCE_MS = 300;

/**
 * Above this many characters a document is analysed when it is opened and saved, not as it is typed:
 * the parse costs about 10 ms per KB here (200 ms for 20 KB, 9 s for 2 MB; npm run bench:parse).
 */
export const LARGE_DOCUMENT_CHARS = 64 * 1024;

export interface AnalysisEvent {
  document: vscode.TextDocument;
  analysis: Analysis;
}

interface Entry {
  version: number;
  /** The settings generation the analysis was made with; a settings change makes older entries stale. */
  generation: number;
  analysis: Analysis;
}

/** Whether a document is too large to analyse as it is typed (see LARGE_DOCUMENT_CHARS). */
export function isLargeDocument(document: vscode.TextDocument): boolean {
  const lastLine = document.lineAt(document.lineCount - 1);
  return document.offsetAt(lastLine.range.end) > LARGE_DOCUMENT_CHARS;
}

/**
 * Keeps one `Analysis` per postmortem document version, so every reader (export, diagnostics, views)
 * shares one parse. Open documents are analysed at once; edits are analysed after typing pauses, and a
 * result is published only while its version is still the document's current one. Closing a
 * document drops its entry; a change of `postmortem.*` settings re-analyses open documents.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<AnalysisEvent>();
  private generation = 0;

  /** Fires when a fresh analysis of a document's current version is available. */
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    /** The analyze options of a document (its lint configuration's severity scale). */
    private readonly optionsFor: (uri: vscode.Uri) => AnalyzeOptions,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((document) => this.refreshNow(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidSaveTextDocument((document) => {
        // Large documents are not analysed as they are typed: saving is when they are.
        if (AnalysisCache.isPostmortem(document) && !this.peek(document)) this.refreshNow(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem')) this.refreshAll();
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.refreshNow(document);
  }

  static isPostmortem(document: vscode.TextDocument): boolean {
    return document.languageId === LANGUAGE_ID;
  }

  /**
   * The analysis of the document's current text (unsaved edits included), made now if the cache has
   * none for this version. Works for any document, so a command may export a file that is not (yet)
   * in postmortem mode; only postmortem documents are kept up to date in the background.
   */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.analysis;
    const analysis = analyze(document.getText(), this.optionsFor(document.uri));
    this.entries.set(key, { version: document.version, generation: this.generation, analysis });
    return analysis;
  }

  /** The cached analysis when it matches the document's current version, without analysing. */
  peek(document: vscode.TextDocument): Analysis | undefined {
    const cached = this.entries.get(document.uri.toString());
    return cached && cached.version === document.version && cached.generation === this.generation ? cached.analysis : undefined;
  }

  /** Analyses every open postmortem again, e.g. when the configuration that shapes the analysis changed. */
  refreshAll(): void {
    this.generation++;
    for (const document of vscode.workspace.textDocuments) this.refreshNow(document);
  }

  private refreshNow(document: vscode.TextDocument): void {
    if (!AnalysisCache.isPostmortem(document)) {
      this.forget(document.uri);
      return;
    }
    this.cancel(document.uri.toString());
    this.publish(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!AnalysisCache.isPostmortem(document)) return;
    const key = document.uri.toString();
    this.cancel(key);
    if (isLargeDocument(document)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document object is live: this analyses the version current when typing paused.
        if (!document.isClosed && AnalysisCache.isPostmortem(document)) this.publish(document);
      }, DEBOUNCE_MS),
    );
  }

  private publish(document: vscode.TextDocument): void {
    const version = document.version;
    const analysis = this.get(document);
    if (document.version === version) this.emitter.fire({ document, analysis });
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancel(key);
    this.entries.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.entries.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
