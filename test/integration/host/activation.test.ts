// Runs first (see index.ts): the extension must activate lazily, not at startup.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, fileUri, FIXTURE, openEditor, waitFor } from './helpers';

suite('activation', () => {
  test('is not active at startup while no postmortem is open', async () => {
    const ext = extension();
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.languageId === 'postmortem'),
      'precondition: no postmortem document is open',
    );
    // give startup-time activation (`*`, onStartupFinished, workspaceContains) a chance to happen
    await new Promise((r) => setTimeout(r, 3_000));
    assert.equal(ext.isActive, false, 'the extension activated at startup; activate on onLanguage:postmortem and commands only');
  });

  test('activates when a postmortem file is opened', async () => {
    const editor = await openEditor(fileUri(FIXTURE));
    assert.equal(editor.document.languageId, 'postmortem');
    await waitFor('the extension to activate', () => extension().isActive);
  });
});
