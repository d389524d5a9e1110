// The sidebar Timeline as a person sees it: its activity-bar container, the entries and durations in the webview,
// clicking an entry selects its line in the editor, and hostile document text stays inert text.
// POSTMORTEM_UPDATE_SCREENSHOT=1 also writes the view's screenshot to media/timeline-view.png (shown in the README).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { openFile as quickOpen, page, runCommand, screenshot, ui, workspaceFile } from './harness';

const SOURCE = 'checkout-outage.postmortem.md';
const HOSTILE = 'timeline-hostile.postmortem.md';

/** Opens a workspace file by Quick Open, choosing the row with exactly this name (other suites leave look-alikes). */
async function openFile(name: string): Promise<void> {
  const p = page();
  for (let attempt = 0; ; attempt++) {
    try {
      await quickOpen(name);
      return;
    } catch (error) {
      if (attempt === 2) throw error;
      await p.keyboard.press('Escape');
      await p.keyboard.press('Control+P');
      const input = p.locator('.quick-input-widget input');
      await input.fill(name);
      const row = p.locator('.quick-input-list .monaco-list-row').filter({ has: p.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
      await row.first().click({ timeout: 15_000 });
      if ((await p.locator('.tabs-container .tab.active', { hasText: name }).count()) > 0) return;
    }
  }
}

/** Waits for the status bar to show the caret on a 1-based line. */
async function caretOnLine(line: number): Promise<void> {
  await page().locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+`) }).first().waitFor({ timeout: 15_000 });
}

/** The Timeline webview's document (VS Code nests it in two iframes). */
function timelineFrame(): FrameLocator {
  return page().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function openTimeline(): Promise<FrameLocator> {
  const p = page();
  const container = p.locator('.activitybar .action-item a[aria-label^="Postmortem"]');
  await container.waitFor({ timeout: 15_000 });
  const expanded = await p.locator('.activitybar .action-item.checked a[aria-label^="Postmortem"]').count();
  if (!expanded) await container.click();
  await p.locator('.pane-header[aria-label^="Timeline"]').first().waitFor({ state: 'attached', timeout: 15_000 });
  return timelineFrame();
}

suite('timeline view', () => {
  const dialogs: string[] = [];
  suiteSetup(async () => {
    page().on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    fs.writeFileSync(
      workspaceFile(HOSTILE),
      '---\ntitle: <img src=x onerror=alert(1)>\ntimezone: UTC\n---\n# <img src=x onerror=alert(1)>\n\n## Timeline\n\n### 2024-03-05\n\n' +
        '- 14:02 [alert] <img src=x onerror="alert(2)"> </script><script>alert(3)</script> **bold** `code` [click](javascript:alert(4)) {started}\n',
    );
    fs.copyFileSync(path.resolve(ui().screenshots, '../../examples/checkout-outage.postmortem.md'), workspaceFile('example.postmortem.md'));
    await openFile(SOURCE);
  });

  test('has its own activity-bar container and shows the entries and durations', async () => {
    const frame = await openTimeline();
    const entries = frame.locator('li.entry');
    await entries.nth(3).waitFor({ timeout: 20_000 });
    assert.deepEqual(await frame.locator('li.entry .text').allInnerTexts(), [
      'Error rate above 5% on checkout-api',
      '@dana acknowledged the page',
      'Rolled back release 2024.03.05-2',
      'Error rate back to baseline',
    ]);
    assert.deepEqual(await frame.locator('li.entry .time').allInnerTexts(), ['14:02', '14:09', '14:31', '14:44']);
    const durations = (await frame.locator('.duration').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(durations, ['Time to detect 7 min', 'Time to mitigate 29 min', 'Time to resolve 42 min', 'Total impact 42 min']);
    assert.deepEqual(await frame.locator('li.entry .badge').allInnerTexts(), ['STARTED', 'DETECTED', 'MITIGATED', 'RESOLVED']);
    await screenshot('timeline-view');
  });

  test('clicking an entry selects its line in the editor', async () => {
    const frame = timelineFrame();
    await frame.locator('li.entry', { hasText: 'Rolled back' }).click();
    const lines = fs.readFileSync(workspaceFile(SOURCE), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('Rolled back')) + 1;
    const selection = page().locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
    await caretOnLine(line).catch(async () => assert.fail(`the status bar shows "${await selection.innerText()}", not line ${line}`));
    assert.match(await selection.innerText(), new RegExp(`^Ln ${line}, Col \\d+ \\(\\d+ selected\\)`));
    const current = frame.locator('li.entry.current');
    await current.waitFor({ timeout: 10_000 });
    assert.match(await current.innerText(), /Rolled back/);
  });

  test('is keyboard navigable: arrow keys move between entries, Enter reveals', async () => {
    const frame = timelineFrame();
    await frame.locator('li.entry').first().focus();
    await page().keyboard.press('ArrowDown');
    const focused = frame.locator('li.entry:focus');
    assert.match((await focused.getAttribute('aria-label')) ?? '', /^14:09 UTC, source page, milestone detected: @dana acknowledged the page$/);
    await page().keyboard.press('Enter');
    const line = fs.readFileSync(workspaceFile(SOURCE), 'utf8').split('\n').findIndex((l) => l.includes('acknowledged')) + 1;
    await caretOnLine(line);
  });

  test('keeps hostile text inert', async () => {
    await openFile(HOSTILE);
    const frame = timelineFrame();
    const entry = frame.locator('li.entry');
    await frame.locator('li.entry .text', { hasText: 'onerror' }).waitFor({ timeout: 20_000 });
    assert.equal(await entry.count(), 1);
    assert.equal(await frame.locator('#app :is(img, script, a, iframe, object, embed, svg, style)').count(), 0, 'no element comes from the document');
    assert.equal(await frame.locator('li.entry .text').innerText(), '<img src=x onerror="alert(2)"> </script><script>alert(3)</script> bold code click');
    assert.equal(await frame.locator('li.entry .text strong').innerText(), 'bold');
    assert.equal(await frame.locator('li.entry .text code').innerText(), 'code');
    assert.equal(await frame.locator('.title').innerText(), '<img src=x onerror=alert(1)>');
    await page().waitForTimeout(500);
    assert.deepEqual(dialogs, [], 'no script from the document ran');
  });

  suiteTeardown(async () => {
    // the README's screenshot: the repository's example postmortem beside its Timeline
    const root = path.resolve(ui().screenshots, '../..');
    for (const command of ['View: Close All Editors', 'View: Close Panel']) await runCommand(command).catch(() => page().keyboard.press('Escape'));
    await openFile('example.postmortem.md');
    await openTimeline();
    await timelineFrame().locator('li.entry .text', { hasText: 'Queued orders replayed' }).waitFor({ timeout: 20_000 }).catch(async (error) => {
      await screenshot('FAILED-timeline-readme');
      fs.copyFileSync(path.join(ui().screenshots, 'FAILED-timeline-readme.png'), '/tmp/FAILED-timeline-readme.png');
      throw error;
    });
    await page().mouse.move(700, 450);
    const file = await screenshot('timeline-view-readme');
    if (process.env.POSTMORTEM_UPDATE_SCREENSHOT) fs.copyFileSync(file, path.join(root, 'media/timeline-view.png'));
  });
});
