import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportTargetPath } from '../../src/core/format/target';
import { writeFileSafely } from '../../src/core/format/write-file';

describe('exportTargetPath', () => {
  it('puts x.postmortem.json|yaml beside the source, or in a folder', () => {
    assert.equal(exportTargetPath(path.join('docs', 'x.postmortem.md'), 'json'), path.join('docs', 'x.postmortem.json'));
    assert.equal(exportTargetPath(path.join('docs', 'x.postmortem.md'), 'yaml'), path.join('docs', 'x.postmortem.yaml'));
    assert.equal(exportTargetPath(path.join('docs', 'x.postmortem.md'), 'json', 'out'), path.join('out', 'x.postmortem.json'));
    assert.equal(exportTargetPath('X.Postmortem.MD', 'yaml'), 'X.Postmortem.yaml');
  });

  it('never names the source itself for other file names', () => {
    assert.equal(exportTargetPath('notes.md', 'json'), 'notes.postmortem.json');
    assert.equal(exportTargetPath('incident.txt', 'yaml'), 'incident.txt.postmortem.yaml');
  });
});

describe('writeFileSafely', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'postmortem-write-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'a.json');
    assert.deepEqual(await writeFileSafely(target, '{}\n'), { ok: true, path: target });
    assert.equal(readFileSync(target, 'utf8'), '{}\n');
    assert.deepEqual(readdirSync(dir), ['a.json']);
  });

  it('refuses to overwrite unless forced', async () => {
    const target = path.join(dir, 'a.json');
    writeFileSync(target, 'old');
    const refused = await writeFileSafely(target, 'new');
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.reason, 'exists');
    assert.equal(readFileSync(target, 'utf8'), 'old');
    assert.ok((await writeFileSafely(target, 'new', { force: true })).ok);
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['a.json']);
  });

  it('refuses a directory, a missing directory and the source file', async () => {
    mkdirSync(path.join(dir, 'sub'));
    const source = path.join(dir, 'x.postmortem.md');
    writeFileSync(source, '# x');
    const reasons = await Promise.all([
      writeFileSafely(path.join(dir, 'sub'), 'x', { force: true }),
      writeFileSafely(path.join(dir, 'missing', 'a.json'), 'x'),
      writeFileSafely(path.join(dir, '.', 'x.postmortem.md'), 'x', { force: true, notSameAs: source }),
    ]);
    assert.deepEqual(reasons.map((r) => !r.ok && r.reason), ['is-directory', 'no-directory', 'same-as-source']);
    assert.equal(readFileSync(source, 'utf8'), '# x');
  });
});
