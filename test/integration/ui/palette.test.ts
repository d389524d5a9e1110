// The commands a person finds in the command palette.
import * as assert from 'node:assert/strict';
import { openFile, page, paletteRows, screenshot } from './harness';

suite('command palette', () => {
  suiteSetup(async () => {
    await openFile('checkout-outage.postmortem.md');
  });
  teardown(async () => {
    await page().keyboard.press('Escape');
  });

  test('lists the Postmortem commands', async () => {
    const rows = (await paletteRows('Postmortem:')).join('\n');
    await screenshot('command-palette');
    for (const label of [
      'Postmortem: Export to Postmortem Format (JSON)',
      'Postmortem: Export to Postmortem Format (YAML)',
      'Postmortem: Validate Exported File',
      'Postmortem: New Postmortem',
    ]) {
      assert.ok(rows.includes(label), `"${label}" is listed; the palette shows:\n${rows}`);
    }
  });
});
