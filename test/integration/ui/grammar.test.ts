// What a person sees in the editor: the language mode and the grammar's scopes, read from VS Code's own token inspector.
import * as assert from 'node:assert/strict';
import { inspectScopes, openFile, page, screenshot } from './harness';

const FIXTURE = 'checkout-outage.postmortem.md';

suite('editor: language and grammar', () => {
  suiteSetup(async () => {
    await openFile(FIXTURE);
  });
  teardown(async () => {
    await page().keyboard.press('Escape');
  });

  test('the status bar shows the Postmortem language mode', async () => {
    await page().locator('.statusbar-item[id="status.editor.mode"]', { hasText: /^Postmortem$/ }).waitFor({ timeout: 15_000 });
    await screenshot('editor-postmortem');
  });

  test('a timeline timestamp is scoped constant.numeric.timestamp.postmortem', async () => {
    const scopes = await inspectScopes(FIXTURE, '14:02', 'scopes-timestamp');
    assert.match(scopes, /constant\.numeric\.timestamp\.postmortem/, scopes);
    assert.match(scopes, /text\.postmortem/, scopes);
  });

  test('an @owner is scoped variable.other.owner.postmortem', async () => {
    const scopes = await inspectScopes(FIXTURE, '@dana', 'scopes-owner');
    assert.match(scopes, /variable\.other\.owner\.postmortem/, scopes);
  });
});
