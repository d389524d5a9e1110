// Export from the command palette: writes the file, and asks (modal) before overwriting it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { modalDialog, openFile, runCommand, screenshot, waitForFile, waitForNotification, workspaceFile } from './harness';

const SOURCE = 'checkout-outage.postmortem.md';
const EXPORT_JSON = 'Postmortem: Export to Postmortem Format (JSON)';
const isValidExport = (text: string): boolean => {
  try {
    return JSON.parse(text).formatVersion === '1.0';
  } catch {
    return false;
  }
};

suite('export from the command palette', () => {
  const source = () => workspaceFile(SOURCE);
  const target = () => workspaceFile('checkout-outage.postmortem.json');
  let sourceBytes: Buffer;

  suiteSetup(async () => {
    sourceBytes = fs.readFileSync(source());
    await openFile(SOURCE);
  });

  test('writes <name>.postmortem.json beside the source and says so', async () => {
    fs.rmSync(target(), { force: true });
    await runCommand(EXPORT_JSON);
    await waitForFile(target(), isValidExport);
    await waitForNotification('Exported');
    await screenshot('export-notification');
    assert.deepEqual(fs.readFileSync(source()), sourceBytes, 'the source file is untouched');
  });

  test('asks before overwriting: Cancel keeps the existing file', async () => {
    fs.writeFileSync(target(), 'stale\n');
    await runCommand(EXPORT_JSON);
    const dialog = await modalDialog();
    await screenshot('export-overwrite-dialog');
    await dialog.getByRole('button', { name: 'Overwrite' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await new Promise((r) => setTimeout(r, 1_000)); // a cancelled export must not write late either
    assert.equal(fs.readFileSync(target(), 'utf8'), 'stale\n', 'the existing file is unchanged');
  });

  test('asks before overwriting: Overwrite replaces the file', async () => {
    fs.writeFileSync(target(), 'stale\n');
    await runCommand(EXPORT_JSON);
    const dialog = await modalDialog();
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForFile(target(), isValidExport);
    assert.deepEqual(fs.readFileSync(source()), sourceBytes, 'the source file is untouched');
  });
});
