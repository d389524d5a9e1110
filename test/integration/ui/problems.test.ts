// The Problems panel lists a blameless-language finding with its rule code, as a writer sees it.
import * as assert from 'node:assert/strict';
import { openFile, page, problemsPanel, screenshot } from './harness';

suite('Problems panel', () => {
  test('lists a blame finding with its rule code', async () => {
    await openFile('blameless.postmortem.md');
    const panel = await problemsPanel();
    const row = panel.locator('.monaco-list-row', { hasText: 'tired admin' }).first();
    try {
      await row.waitFor({ timeout: 20_000 });
    } catch {
      throw new Error(`no "tired admin" finding; the panel shows: ${(await panel.innerText().catch(() => '')) || '(nothing)'}`);
    }
    const text = await row.innerText();
    assert.match(text, /postmortem/);
    assert.match(text, /blame/);
    await screenshot('problems-panel-blame');
    await page().keyboard.press('Escape');
  });
});
