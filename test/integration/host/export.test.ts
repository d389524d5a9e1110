// Export commands: write a valid exchange-format file beside the source and never touch the source.
// (Asking before overwriting is a modal dialog, which only a person can answer: see ../ui/export.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import validate from '../../../src/core/format/generated/validate-postmortem';
import { closeAllEditors, copyFixture, exists, openEditor, readBytes, readText } from './helpers';

const FORMATS = [
  { command: 'postmortem.exportJson', extension: '.postmortem.json', parse: (text: string): unknown => JSON.parse(text) },
  { command: 'postmortem.exportYaml', extension: '.postmortem.yaml', parse: (text: string): unknown => parseYaml(text) },
];

function besideSource(source: vscode.Uri, extension: string): vscode.Uri {
  return source.with({ path: source.path.replace(/\.postmortem\.md$/, extension) });
}

function assertValidExport(data: unknown, what: string): void {
  assert.ok(data && typeof data === 'object', `${what} holds an object`);
  assert.equal((data as { formatVersion?: unknown }).formatVersion, '1.0', `${what} has "formatVersion": "1.0"`);
  assert.ok(validate(data), `${what} is valid against schemas/postmortem-1.0.schema.json: ${JSON.stringify(validate.errors)}`);
  const title = (data as { title?: unknown }).title ?? JSON.stringify(data);
  assert.match(String(title), /Checkout API outage/, `${what} carries the postmortem's title`);
}

suite('export commands', () => {
  teardown(closeAllEditors);

  for (const format of FORMATS) {
    test(`${format.command} writes ${format.extension} beside the active postmortem and leaves the source untouched`, async () => {
      const source = await copyFixture('export');
      const bytesBefore = await readBytes(source);
      const editor = await openEditor(source);
      const textBefore = editor.document.getText();
      const target = besideSource(source, format.extension);
      assert.equal(await exists(target), false, 'precondition: no export yet');

      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(format.command);

      assert.equal(written?.toString(), target.toString(), 'the command resolves to the written file');
      assert.ok(await exists(target), `${target.fsPath} was written`);
      assertValidExport(format.parse(await readText(target)), target.path);
      assert.equal(editor.document.getText(), textBefore, 'the source document text is unchanged');
      assert.equal(editor.document.isDirty, false, 'the source document is not dirty');
      assert.deepEqual(await readBytes(source), bytesBefore, 'the source file bytes are unchanged');
    });
  }

  test('postmortem.exportJson accepts a Uri argument, with no editor open', async () => {
    const source = await copyFixture('export-uri');
    const bytesBefore = await readBytes(source);
    await closeAllEditors();
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.exportJson', source);
    const target = besideSource(source, '.postmortem.json');
    assert.equal(written?.toString(), target.toString());
    assertValidExport(JSON.parse(await readText(target)), target.path);
    assert.deepEqual(await readBytes(source), bytesBefore, 'the source file bytes are unchanged');
  });
});
