/** `postmortem timeline FILE [--format json|markdown|svg] [-o OUT] [--force]`, in-process with the real analyze. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

const EXAMPLE = path.resolve(__dirname, '../../examples/checkout-outage.postmortem.md');

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = { cwd, env: {}, stdoutIsTTY: false, out: (t) => void (out.stdout += t), err: (t) => void (out.stderr += t) };
  return { out, cli };
}

describe('postmortem timeline', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'postmortem-timeline-'));
    writeFileSync(path.join(work, 'x.postmortem.md'), readFileSync(EXAMPLE));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('prints the stable JSON shape by default', async () => {
    const { out, cli } = io(work);
    assert.equal(await run(['timeline', 'x.postmortem.md'], cli, { analyze }), 0);
    const json = JSON.parse(out.stdout);
    assert.deepEqual(Object.keys(json), ['entries', 'milestones', 'durations']);
    assert.equal(json.entries.length, 9);
    assert.deepEqual(json.entries[2], { at: '2024-03-05T14:09:00Z', text: 'Checkout error rate above 5% pages the on-call engineer', source: 'alert', milestone: 'detected', line: 57 });
    assert.deepEqual(json.milestones, { started: '2024-03-05T14:02:00Z', detected: '2024-03-05T14:09:00Z', mitigated: '2024-03-05T14:41:00Z', resolved: '2024-03-05T15:20:00Z' });
    assert.deepEqual(json.durations, { timeToDetectSeconds: 420, timeToMitigateSeconds: 2340, timeToResolveSeconds: 4680 });
  });

  it('prints a Markdown table and an SVG picture', async () => {
    const md = io(work);
    assert.equal(await run(['timeline', 'x.postmortem.md', '--format', 'markdown'], md.cli, { analyze }), 0);
    assert.equal(md.out.stdout.split('\n')[2], '| 14:02 | deploy | Payment-gateway config v412 (pool size 40 → 8) rolls out to all regions | started |');
    const svg = io(work);
    assert.equal(await run(['timeline', 'x.postmortem.md', '-f', 'svg'], svg.cli, { analyze }), 0);
    assert.match(svg.out.stdout, /^<svg xmlns/);
  });

  it('writes -o OUT (format from its extension), refuses to overwrite without --force', async () => {
    const first = io(work);
    assert.equal(await run(['timeline', 'x.postmortem.md', '-o', 'x.svg'], first.cli, { analyze }), 0);
    assert.equal(first.out.stdout, 'wrote x.svg\n');
    assert.match(readFileSync(path.join(work, 'x.svg'), 'utf8'), /^<svg/);
    const again = io(work);
    assert.equal(await run(['timeline', 'x.postmortem.md', '-o', 'x.svg'], again.cli, { analyze }), 2);
    assert.equal(again.out.stderr, 'postmortem: x.svg already exists (use --force to overwrite)\n');
    assert.equal(await run(['timeline', 'x.postmortem.md', '-o', 'x.svg', '--force'], io(work).cli, { analyze }), 0);
    assert.equal(await run(['timeline', 'x.postmortem.md', '-o', 'x.postmortem.md', '--force'], io(work).cli, { analyze }), 2, 'never over its source');
  });

  it('exits 2 for an unknown format, a missing file or extra files', async () => {
    for (const args of [['timeline', 'x.postmortem.md', '--format', 'png'], ['timeline', 'missing.md'], ['timeline'], ['timeline', 'a', 'b']]) {
      const { out, cli } = io(work);
      assert.equal(await run(args, cli, { analyze }), 2, args.join(' '));
      assert.match(out.stderr, /^postmortem: .+\n$/);
    }
  });
});
