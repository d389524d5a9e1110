import * as vscode from 'vscode';
import { ALLOW_IN_SETTINGS_COMMAND, allowInSettings, PostmortemCodeActions, SAVE_DOCUMENT_COMMAND, saveDocument } from './code-actions';
import { LANGUAGE_ID, type AnalysisCache } from './analysis-cache';
import type { ConfigStore } from './config-store';
import { DiagnosticsController, docsBaseOf } from './diagnostics';
import { OwnerCompletionProvider } from './owner-completion';

/** What the integration tests reach through the extension's API. */
export interface LintingApi {
  diagnostics: DiagnosticsController;
  configs: ConfigStore;
}

/** Diagnostics, quick fixes, fix-all and owner completion for postmortems, on the shared analysis. */
export function registerLinting(context: vscode.ExtensionContext, analyses: AnalysisCache, configs: ConfigStore): LintingApi {
  const diagnostics = new DiagnosticsController(analyses, configs, context.extensionUri, docsBaseOf(context.extension.packageJSON));
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const analysisOf = (document: vscode.TextDocument) => analyses.peek(document) ?? diagnostics.latest(document)?.analysis ?? analyses.get(document);
  context.subscriptions.push(
    configs,
    diagnostics,
    vscode.languages.registerCodeActionsProvider(selector, new PostmortemCodeActions(analyses, configs, diagnostics), PostmortemCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(selector, new OwnerCompletionProvider(analysisOf), ...OwnerCompletionProvider.triggerCharacters),
    vscode.commands.registerCommand(SAVE_DOCUMENT_COMMAND, (uri) => saveDocument(uri)),
    vscode.commands.registerCommand(ALLOW_IN_SETTINGS_COMMAND, (phrase) => allowInSettings(phrase)),
  );
  return { diagnostics, configs };
}
