import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, copyFixture, currentDocument, extension, openEditor, waitFor } from './helpers';

const COMMANDS: Record<string, RegExp> = {
  'postmortem.exportJson': /Export to Postmortem Format \(JSON\)/,
  'postmortem.exportYaml': /Export to Postmortem Format \(YAML\)/,
  'postmortem.validateExport': /Validate Exported File/,
  'postmortem.useForFile': /Use Postmortem Mode for This File/,
  'postmortem.showPreview': /./,
  'postmortem.showPreviewToSide': /./,
  'postmortem.newPostmortem': /New Postmortem/,
};

suite('commands', () => {
  teardown(closeAllEditors);

  test('are contributed with a Postmortem title and registered once active', async () => {
    const ext = extension();
    const contributed = (ext.packageJSON?.contributes?.commands ?? []) as { command: string; title: string; category?: string }[];
    for (const [id, title] of Object.entries(COMMANDS)) {
      const c = contributed.find((x) => x.command === id);
      assert.ok(c, `${id} is contributed in package.json`);
      const label = `${c.category ? c.category + ': ' : ''}${c.title}`;
      assert.match(label, /^Postmortem: /, `${id} is shown as "Postmortem: ..."`);
      assert.match(label, title);
    }
    await ext.activate();
    const registered = await vscode.commands.getCommands(true);
    for (const id of Object.keys(COMMANDS)) assert.ok(registered.includes(id), `${id} is registered`);
  });

  test('"Use Postmortem Mode for This File" switches a Markdown file to postmortem', async () => {
    const notes = await copyFixture('notes', 'notes.md');
    const editor = await openEditor(notes);
    assert.equal(editor.document.languageId, 'markdown', 'precondition: a plain .md file is Markdown');
    await vscode.commands.executeCommand('postmortem.useForFile');
    await waitFor('the language to switch', () => currentDocument(notes)?.languageId === 'postmortem');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'postmortem');
  });

  test('"Open Preview" opens the Markdown preview for a postmortem', async () => {
    const source = await copyFixture('preview');
    await openEditor(source);
    await vscode.commands.executeCommand('postmortem.showPreview');
    const tab = await waitFor('a Markdown preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
    );
    assert.match(tab.label, /preview/i);
  });
});
