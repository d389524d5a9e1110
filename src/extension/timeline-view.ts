import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import type { SourceRange } from '../core/model/types';
import {
  analysisProblems,
  attachProblems,
  buildTimelineView,
  entryAtLine,
  insertEntryNow,
  renderTimelineSvg,
  sortTimelineEdits,
  timelineMarkdown,
  type RangedProblem,
  type TimelineView,
} from '../core/timeline';
import { buildWebviewHtml, createNonce } from '../core/timeline/html';
import { parseWebviewMessage, type FromWebview, type RenderedReport, type TimelinePayload, type ToWebview } from '../core/timeline/messages';
import { AnalysisCache } from './analysis-cache';
import { insertTimelineEntry } from './language';

export const TIMELINE_VIEW_ID = 'postmortem.timeline';
/** Context key: the Timeline has a postmortem to act on (enables its title actions). */
const HAS_DOCUMENT = 'postmortem.timeline.hasDocument';
/** Diagnostics arrive in bursts while typing; coalesce them before posting again. */
const DIAGNOSTICS_DELAY_MS = 150;

const SEVERITIES = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning' } as const;

function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

/** The published diagnostics of a document as ranged problems (their `code` is the rule id). */
function diagnosticProblems(uri: vscode.Uri): RangedProblem[] {
  return vscode.languages.getDiagnostics(uri).map((d) => ({
    rule: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? d.source ?? 'diagnostic'),
    severity: SEVERITIES[d.severity as keyof typeof SEVERITIES] ?? 'information',
    message: d.message,
    startLine: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  }));
}

/**
 * The sidebar Timeline: a webview view that follows the active postmortem and shows its timeline from
 * the shared analysis (no parse of its own), refreshed as the cache publishes new analyses. The webview
 * reports what it rendered; tests read `lastPosted` / `lastRendered` through the extension's API.
 */
export class TimelineViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private document: vscode.TextDocument | undefined;
  private lastMessage = '';
  private lastHighlight: number | null | undefined;
  private diagnosticsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedReport>();

  /** The last timeline payload posted to the webview (undefined after a hint). */
  lastPosted: TimelinePayload | undefined;
  /** What the webview last said it rendered. */
  lastRendered: RenderedReport | undefined;
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: AnalysisCache,
  ) {
    this.disposables.push(
      this.renderedEmitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      analyses.onDidAnalyze(({ document }) => {
        if (document === this.document || document.uri.toString() === this.document?.uri.toString()) this.post();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.follow();
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.follow()), // a language switch replaces the document
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.highlight(event.selections[0].active.line + 1);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (!this.document || !event.uris.some((uri) => uri.toString() === this.document!.uri.toString())) return;
        clearTimeout(this.diagnosticsTimer);
        this.diagnosticsTimer = setTimeout(() => this.post(), DIAGNOSTICS_DELAY_MS);
      }),
    );
    this.follow(false);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [media] };
    const asset = (...parts: string[]) => view.webview.asWebviewUri(vscode.Uri.joinPath(media, ...parts)).toString();
    view.webview.html = buildWebviewHtml({
      cspSource: view.webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('dist', 'timeline.js'),
      styleUri: asset('dist', 'timeline.css'),
      codiconUri: asset('dist', 'codicon.css'),
    });
    this.lastMessage = '';
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => void this.receive(parseWebviewMessage(message))),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.post(true);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** The postmortem the view shows and its commands act on. */
  target(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && AnalysisCache.isPostmortem(active)) return active;
    return this.document && !this.document.isClosed ? this.document : undefined;
  }

  /** The view model of a document: its analysis's timeline with the problems that concern each entry. */
  viewModel(document: vscode.TextDocument, analysis: Analysis = this.analyses.get(document)): TimelineView {
    return attachProblems(buildTimelineView(analysis), [...diagnosticProblems(document.uri), ...analysisProblems(analysis)]);
  }

  private follow(post = true): void {
    const active = vscode.window.activeTextEditor?.document;
    if (active && AnalysisCache.isPostmortem(active)) this.document = active;
    else if (active) this.document = undefined; // another kind of editor: show the hint
    else if (this.document?.isClosed) this.document = undefined;
    void vscode.commands.executeCommand('setContext', HAS_DOCUMENT, this.document !== undefined);
    if (post) this.post();
  }

  private post(force = false): void {
    if (!this.view) return;
    let message: ToWebview;
    if (this.document && !this.document.isClosed) {
      const document = this.document;
      const payload: TimelinePayload = {
        document: { uri: document.uri.toString(), name: path.posix.basename(document.uri.path), version: document.version },
        view: this.viewModel(document),
      };
      message = { type: 'timeline', payload };
      this.lastPosted = payload;
    } else {
      message = { type: 'empty', reason: vscode.window.activeTextEditor ? 'not-postmortem' : 'no-editor' };
      this.lastPosted = undefined;
    }
    const serialized = JSON.stringify(message);
    if (!force && serialized === this.lastMessage) return;
    if (!this.view.visible && !force) return; // posted when it becomes visible again
    this.lastMessage = serialized;
    void this.view.webview.postMessage(message);
    this.lastHighlight = undefined;
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document === this.document) this.highlight(editor.selection.active.line + 1);
  }

  private highlight(cursorLine: number): void {
    if (!this.view || !this.lastPosted) return;
    const line = entryAtLine(this.lastPosted.view, cursorLine)?.line ?? null;
    if (line === this.lastHighlight) return;
    this.lastHighlight = line;
    void this.view.webview.postMessage({ type: 'highlight', line } satisfies ToWebview);
  }

  private async receive(message: FromWebview | null): Promise<void> {
    if (!message) return; // not a message the webview may send: ignored
    switch (message.type) {
      case 'ready':
        this.post(true);
        return;
      case 'rendered':
        this.lastRendered = message.report;
        this.renderedEmitter.fire(message.report);
        return;
      case 'reveal':
        await this.reveal(message.line);
        return;
      case 'action':
        await vscode.commands.executeCommand(message.action === 'newPostmortem' ? 'postmortem.newPostmortem' : `postmortem.timeline.${message.action}`);
        return;
    }
  }

  /** Selects the entry that starts on `line` (1-based) in its editor; refuses a line that holds no entry. */
  async reveal(line: number): Promise<vscode.TextEditor | undefined> {
    const document = this.target();
    if (!document) return undefined;
    const entry = this.analyses.get(document).model.timeline.find((e) => e.range.start.line === line);
    if (!entry) return undefined;
    const range = toRange(entry.range);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false, selection: new vscode.Selection(range.start, range.end) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    clearTimeout(this.diagnosticsTimer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The document a Timeline command acts on, or an explanation. */
function targetOrSay(provider: TimelineViewProvider): vscode.TextDocument | undefined {
  const document = provider.target();
  if (!document) void vscode.window.showInformationMessage('Open a postmortem (*.postmortem.md) first: the Timeline commands act on the active postmortem.');
  return document;
}

/** `postmortem.timeline.sort`: reorders the entries chronologically as one undoable edit (list and table forms). */
export async function sortTimelineCommand(provider: TimelineViewProvider, analyses: AnalysisCache): Promise<boolean> {
  const document = targetOrSay(provider);
  if (!document) return false;
  const edits = sortTimelineEdits(analyses.get(document));
  if (edits.length === 0) {
    void vscode.window.showInformationMessage('The timeline entries are already in chronological order.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit);
}

/** `postmortem.timeline.addEntryNow`: an entry for the current UTC time, after the last entry at or before now. */
export async function addEntryNowCommand(provider: TimelineViewProvider, analyses: AnalysisCache, now: () => number = Date.now): Promise<boolean> {
  const document = targetOrSay(provider);
  if (!document) return false;
  const analysis = analyses.get(document);
  const insertion = insertEntryNow(analysis, now());
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  if (!insertion) {
    // No timeline section yet: the plain command inserts at the cursor.
    await insertTimelineEntry();
    return true;
  }
  const at = analysis.lines.positionAt(insertion.offset);
  const position = new vscode.Position(at.line - 1, at.column - 1);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(insertion.snippet), position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return inserted;
}

/** `postmortem.timeline.copyMarkdown`: the timeline as a Markdown table on the clipboard; returns the table. */
export async function copyMarkdownCommand(provider: TimelineViewProvider): Promise<string | undefined> {
  const document = targetOrSay(provider);
  if (!document) return undefined;
  const markdown = timelineMarkdown(provider.viewModel(document));
  await vscode.env.clipboard.writeText(markdown);
  void vscode.window.setStatusBarMessage('Timeline copied as a Markdown table', 3000);
  return markdown;
}

/** `postmortem.timeline.exportSvg`: writes the timeline picture (to `target`, or where the save dialog says). */
export async function exportSvgCommand(provider: TimelineViewProvider, target?: unknown): Promise<vscode.Uri | undefined> {
  const document = targetOrSay(provider);
  if (!document) return undefined;
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    const stem = path.posix.basename(document.uri.path).replace(/(\.postmortem)?\.(md|markdown)$/i, '');
    const folder = document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
    uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${stem}.timeline.svg`) : undefined,
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export Timeline',
    });
    if (!uri) return undefined;
  }
  const svg = renderTimelineSvg(provider.viewModel(document));
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot write ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`Exported the timeline to ${vscode.workspace.asRelativePath(uri)}`);
  return uri;
}
