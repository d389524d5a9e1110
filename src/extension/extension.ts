import * as vscode from 'vscode';
import { AnalysisCache } from './analysis-cache';
import { ConfigStore } from './config-store';
import { createExportDiagnostics, exportCommand, validateExportCommand } from './export';
import { insertTimelineEntry, newPostmortem, showPreview, useForFile } from './language';
import { registerLinting, type LintingApi } from './linting';
import { addEntryNowCommand, copyMarkdownCommand, exportSvgCommand, sortTimelineCommand, TIMELINE_VIEW_ID, TimelineViewProvider } from './timeline-view';

/** What `activate` returns; the integration tests reach the shared analysis through it. */
export interface PostmortemApi {
  analyses: AnalysisCache;
  /** Diagnostics and the lint configuration of each document. */
  linting: LintingApi;
  /** The sidebar Timeline: what it last posted to its webview and what the webview says it rendered. */
  timeline: TimelineViewProvider;
}

export function activate(context: vscode.ExtensionContext): PostmortemApi {
  const configs = new ConfigStore();
  const analyses = new AnalysisCache((uri) => configs.analyzeOptionsFor(uri));
  const exportDiagnostics = createExportDiagnostics();
  const timeline = new TimelineViewProvider(context.extensionUri, analyses);
  const command = (id: string, run: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, run);

  context.subscriptions.push(
    analyses,
    exportDiagnostics,
    command('postmortem.newPostmortem', () => newPostmortem()),
    command('postmortem.useForFile', (uri) => useForFile(uri)),
    command('postmortem.showPreview', (uri) => showPreview(false, uri)),
    command('postmortem.showPreviewToSide', (uri) => showPreview(true, uri)),
    command('postmortem.insertTimelineEntry', () => insertTimelineEntry()),
    command('postmortem.exportJson', (uri) => exportCommand(analyses, 'json', uri)),
    command('postmortem.exportYaml', (uri) => exportCommand(analyses, 'yaml', uri)),
    command('postmortem.validateExport', (uri) => validateExportCommand(exportDiagnostics, uri)),
    timeline,
    vscode.window.registerWebviewViewProvider(TIMELINE_VIEW_ID, timeline),
    command('postmortem.timeline.addEntryNow', () => addEntryNowCommand(timeline, analyses)),
    command('postmortem.timeline.sort', () => sortTimelineCommand(timeline, analyses)),
    command('postmortem.timeline.copyMarkdown', () => copyMarkdownCommand(timeline)),
    command('postmortem.timeline.exportSvg', (uri) => exportSvgCommand(timeline, uri)),
  );
  const linting = registerLinting(context, analyses, configs);
  return { analyses, timeline, linting };
}

export function deactivate(): void {}
