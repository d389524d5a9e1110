import * as vscode from 'vscode';
import { AnalysisCache } from './analysis-cache';
import { createExportDiagnostics, exportCommand, validateExportCommand } from './export';
import { insertTimelineEntry, newPostmortem, showPreview, useForFile } from './language';

/** What `activate` returns; the integration tests reach the shared analysis through it. */
export interface PostmortemApi {
  analyses: AnalysisCache;
}

export function activate(context: vscode.ExtensionContext): PostmortemApi {
  const analyses = new AnalysisCache();
  const exportDiagnostics = createExportDiagnostics();
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
  );
  return { analyses };
}

export function deactivate(): void {}
