import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, fileUri, FIXTURE, readText } from './helpers';

suite('language and grammar', () => {
  suiteTeardown(closeAllEditors);

  test('*.postmortem.md files get the postmortem language', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri(FIXTURE));
    assert.equal(doc.languageId, 'postmortem');
    assert.ok((await vscode.languages.getLanguages()).includes('postmortem'));
  });

  test('other Markdown files stay Markdown', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('notes.md'));
    assert.equal(doc.languageId, 'markdown');
  });

  test('a grammar for the postmortem language is contributed and its file loads', async () => {
    // The scopes themselves are checked in the browser layer (ui/grammar.test.ts): the web workbench has no
    // token-capturing command for the extension host.
    const ext = extension();
    const grammars = (ext.packageJSON?.contributes?.grammars ?? []) as { language?: string; scopeName?: string; path?: string }[];
    const grammar = grammars.find((g) => g.language === 'postmortem');
    assert.ok(grammar, 'contributes.grammars has an entry for the postmortem language');
    assert.equal(grammar.scopeName, 'text.postmortem');
    assert.ok(grammar.path, 'the grammar has a path');
    const json = JSON.parse(await readText(vscode.Uri.joinPath(ext.extensionUri, grammar.path)));
    assert.equal(json.scopeName, 'text.postmortem');
  });
});
