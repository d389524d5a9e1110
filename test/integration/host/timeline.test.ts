// The sidebar Timeline in the real extension host: it follows the active postmortem, shows what the shared analysis
// holds (the webview reports what it rendered), reveals entries, follows the cursor, and its title actions edit,
// copy and export. What a person sees and clicks in the webview is checked in ../ui/timeline.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedReport } from '../../../src/core/timeline/messages';
import { closeAllEditors, copyFixture, extension, fileUri, openEditor, readText, waitFor } from './helpers';

interface TimelineApi {
  lastRendered: RenderedReport | undefined;
  lastPosted: { document: { uri: string; version: number } } | undefined;
  reveal(line: number): Promise<vscode.TextEditor | undefined>;
}

async function timeline(): Promise<TimelineApi> {
  const api = (await extension().activate()) as { timeline: TimelineApi };
  return api.timeline;
}

/** Waits until the webview reports having rendered the current version of `document` and `check` holds. */
async function rendered(document: vscode.TextDocument, check: (r: RenderedReport) => boolean = () => true, what = 'the Timeline to render'): Promise<RenderedReport> {
  const view = await timeline();
  return waitFor(what, () => {
    const r = view.lastRendered;
    return r && r.version === document.version && view.lastPosted?.document.uri === document.uri.toString() && check(r) ? r : undefined;
  }, 20_000);
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(`${name}-${Date.now()}.postmortem.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

const SHUFFLED = `---
title: Shuffled
timezone: UTC
---
# Shuffled

## Timeline

### 2024-03-05

- 14:31 [deploy] c {mitigated}
- 14:02 [alert] a {started}
- 14:09 [page] b {detected}

| Time (UTC) | Source | Event |
| --- | --- | --- |
| 2024-03-06 10:05 | chat | two |
| 2024-03-06 10:01 | alert | one |

## Action items
`;

suite('timeline view', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('postmortem.timeline.focus');
  });
  teardown(closeAllEditors);

  test('shows the active postmortem\'s entries and durations', async () => {
    const editor = await openEditor(await copyFixture('timeline'));
    await vscode.commands.executeCommand('postmortem.timeline.focus');
    const report = await rendered(editor.document, (r) => r.texts.length === 4);
    assert.deepEqual(report.texts, [
      'Error rate above 5% on checkout-api',
      '@dana acknowledged the page',
      'Rolled back release 2024.03.05-2',
      'Error rate back to baseline',
    ]);
    assert.deepEqual(report.durations, ['Time to detect: 7 min', 'Time to mitigate: 29 min', 'Time to resolve: 42 min', 'Total impact: 42 min']);
    assert.deepEqual(report.milestones, ['Started', 'Detected', 'Mitigated', 'Resolved']);
  });

  test('updates as the document is edited, and says unknown where a milestone goes missing', async () => {
    const editor = await openEditor(await copyFixture('timeline-edit'));
    await rendered(editor.document, (r) => r.texts.length === 4);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('{resolved}'));
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(line, 0), '- 14:20 [chat] Status page updated\n');
      edit.replace(editor.document.lineAt(line).range, editor.document.lineAt(line).text.replace(' {resolved}', ''));
    });
    const report = await rendered(editor.document, (r) => r.texts.length === 5, 'the Timeline to show the new entry');
    assert.equal(report.texts[2], 'Status page updated');
    assert.deepEqual(report.durations.slice(2), ['Time to resolve: unknown', 'Total impact: unknown']);
  });

  test('reveals and selects an entry\'s line, refuses a line without an entry, and highlights the cursor\'s entry', async () => {
    const editor = await openEditor(await copyFixture('timeline-reveal'));
    await rendered(editor.document);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('Rolled back')) + 1;
    const view = await timeline();
    const revealed = await view.reveal(line);
    assert.ok(revealed, 'an editor is revealed');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    const selection = vscode.window.activeTextEditor!.selection;
    assert.equal(selection.start.line, line - 1);
    assert.equal(editor.document.getText(selection), '- 14:31 [deploy] Rolled back release 2024.03.05-2 {mitigated}');
    assert.equal(await view.reveal(1), undefined, 'line 1 holds no entry');

    const other = editor.document.getText().split('\n').findIndex((l) => l.includes('acknowledged'));
    vscode.window.activeTextEditor!.selection = new vscode.Selection(other, 3, other, 3);
    await rendered(editor.document, (r) => r.highlighted === other + 1, 'the entry under the cursor to be highlighted');
  });

  test('marks entries that have problems (diagnostics and the parser\'s own)', async () => {
    const uri = await writeFile('timeline-problems', '---\ntitle: P\n---\n# P\n\n## Timeline\n\n### 2024-03-05\n\n- 14:02 no zone here {started}\n- 14:09 UTC fine\n');
    const editor = await openEditor(uri);
    const report = await rendered(editor.document, (r) => r.texts.length === 2);
    assert.equal(report.flagged, 1, 'the entry without a time zone carries a marker');
  });

  test('"Sort Timeline Entries" reorders list and table entries in one undoable edit', async () => {
    const editor = await openEditor(await writeFile('timeline-sort', SHUFFLED));
    await rendered(editor.document);
    assert.equal(await vscode.commands.executeCommand('postmortem.timeline.sort'), true);
    const text = editor.document.getText();
    assert.ok(text.includes('- 14:02 [alert] a {started}\n- 14:09 [page] b {detected}\n- 14:31 [deploy] c {mitigated}\n'), text);
    assert.ok(text.includes('| 2024-03-06 10:01 | alert | one |\n| 2024-03-06 10:05 | chat | two |\n'), text);
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo to restore the original order', () => editor.document.getText() === SHUFFLED);
  });

  test('"Add Timeline Entry Now" inserts a UTC entry under today\'s day heading', async () => {
    const editor = await openEditor(await copyFixture('timeline-add'));
    await rendered(editor.document);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(await vscode.commands.executeCommand('postmortem.timeline.addEntryNow'), true);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, new RegExp(`- 14:44 \\[note\\] Error rate back to baseline \\{resolved\\}\\n\\n### ${today}\\n\\n- \\d\\d:\\d\\d UTC \\[source\\] What happened\\n\\n## Action items`));
    const report = await rendered(editor.document, (r) => r.texts.length === 5, 'the new entry in the Timeline');
    assert.equal(report.texts[4], 'What happened');
  });

  test('"Copy Timeline as Markdown Table" and "Export Timeline as SVG"', async () => {
    const source = await copyFixture('timeline-export');
    const editor = await openEditor(source);
    await rendered(editor.document);
    const markdown = await vscode.commands.executeCommand<string>('postmortem.timeline.copyMarkdown');
    assert.ok(markdown?.startsWith('| Time (UTC, 2024-03-05) | Source | Event | Milestone |\n| --- | --- | --- | --- |\n| 14:02 | alert | Error rate above 5% on checkout-api | started |'), markdown);
    assert.equal(await vscode.env.clipboard.readText(), markdown);
    const target = source.with({ path: source.path.replace(/\.postmortem\.md$/, '.timeline.svg') });
    const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.timeline.exportSvg', target);
    assert.equal(written?.toString(), target.toString());
    const svg = await readText(target);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes('Rolled back release 2024.03.05-2'));
  });

  test('keeps hostile text inert: it reaches the view as text', async () => {
    const uri = await writeFile('timeline-hostile', '---\ntitle: <img src=x onerror=alert(1)>\ntimezone: UTC\n---\n## Timeline\n\n### 2024-03-05\n\n- 14:02 [alert] <img src=x onerror="alert(2)"> </script><script>alert(3)</script> [x](javascript:alert(4))\n');
    const editor = await openEditor(uri);
    const report = await rendered(editor.document, (r) => r.texts.length === 1);
    assert.equal(report.texts[0], '<img src=x onerror="alert(2)"> </script><script>alert(3)</script> x');
  });

  test('shows a hint with "New Postmortem" for other editors', async () => {
    const editor = await openEditor(fileUri('notes.md'));
    assert.equal(editor.document.languageId, 'markdown');
    const view = await timeline();
    await waitFor('the Timeline to show the hint', () => view.lastPosted === undefined && view.lastRendered?.version === null && view.lastRendered.texts.length === 0);
  });
});
