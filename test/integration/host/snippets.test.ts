// Contributed snippets insert through VS Code's own snippet service (the same path as choosing them by prefix).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, copyFixture, extension, openEditor, readText } from './helpers';

interface SnippetFile {
  [name: string]: { prefix: string | string[]; body: string | string[]; description?: string };
}

/** The snippet names by prefix, read from the snippet files the extension contributes for `postmortem`. */
async function snippetNamesByPrefix(): Promise<Map<string, string>> {
  const ext = extension();
  const files = ((ext.packageJSON?.contributes?.snippets ?? []) as { language: string; path: string }[]).filter(
    (s) => s.language === 'postmortem',
  );
  assert.ok(files.length > 0, 'package.json contributes snippets for the postmortem language');
  const names = new Map<string, string>();
  for (const file of files) {
    const snippets = JSON.parse(await readText(vscode.Uri.joinPath(ext.extensionUri, file.path))) as SnippetFile;
    for (const [name, s] of Object.entries(snippets)) for (const p of [s.prefix].flat()) names.set(p, name);
  }
  return names;
}

const EXPECTED: Record<string, RegExp> = {
  postmortem: /^## Timeline\b[\s\S]*^## Action items\b/im, // the whole template
  'timeline-entry': /^- \S/m,
  'action-item': /^- \[ \] /m,
};

suite('snippets', () => {
  teardown(closeAllEditors);

  for (const [prefix, shape] of Object.entries(EXPECTED)) {
    test(`"${prefix}" inserts`, async () => {
      const name = (await snippetNamesByPrefix()).get(prefix);
      assert.ok(name, `a postmortem snippet has the prefix "${prefix}"`);
      const editor = await openEditor(await copyFixture('snippet'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(end, '\n\n'));
      const before = editor.document.getText();
      const at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'postmortem', name });
      const after = editor.document.getText();
      assert.notEqual(after, before, 'the snippet changed the document');
      const inserted = after.slice(before.length);
      assert.equal(after.slice(0, before.length), before, 'the snippet inserted at the cursor');
      assert.match(inserted, shape, `inserted text: ${JSON.stringify(inserted)}`);
    });
  }
});
