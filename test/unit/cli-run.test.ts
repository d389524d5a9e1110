/** The CLI's logic in-process (fake IO, hand-built analyses): output formats, colors, exit codes. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Analysis } from '../../src/core/analyze';
import type { Problem } from '../../src/core/model/types';
import type { CliIo } from '../../src/cli/io';
import { findingsFor, type LintFinding } from '../../src/cli/lint/findings';
import { formatJson, formatStylish } from '../../src/cli/lint/formatters';
import { run } from '../../src/cli/run';
import { sampleAnalysis } from '../fixtures/format/models';

function fakeIo(cwd: string, options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const io = { out: '', err: '' };
  const cliIo: CliIo = {
    cwd,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    out: (text) => void (io.out += text),
    err: (text) => void (io.err += text),
  };
  return { io, cliIo };
}

function problem(line: number, column: number, severity: Problem['severity'], rule = 'timeline-timestamp'): Problem {
  const position = (col: number) => ({ line, column: col, offset: 0 });
  return { rule, category: 'timeline', severity, message: `${severity} at ${line}:${column}`, range: { start: position(column), end: position(column + 4) } };
}

function withProblems(problems: Problem[]): Analysis {
  return { ...sampleAnalysis(), problems };
}

describe('postmortem CLI (in-process)', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'postmortem-run-'));
    writeFileSync(path.join(work, 'x.postmortem.md'), 'placeholder: the fake analyze ignores it\n');
    // The sample has no Impact or Contributing factors section; these tests are about the problems they plant.
    writeFileSync(path.join(work, '.postmortemrc.json'), '{"rules": {"missing-section": "off"}}\n');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  describe('usage errors', () => {
    for (const args of [['frobnicate'], ['--bogus'], ['lint', '--bogus', 'x'], ['lint', '--format'], ['export'], ['export', 'a', 'b'], ['lint'], ['validate']]) {
      it(`postmortem ${args.join(' ')} → exit 2, one line`, async () => {
        const { io, cliIo } = fakeIo(work);
        assert.equal(await run(args, cliIo, { analyze: () => sampleAnalysis() }), 2);
        assert.match(io.err, /^postmortem: [^\n]+\n$/);
        assert.equal(io.out, '');
      });
    }
  });

  describe('lint', () => {
    it('exits 1 for errors or warnings, 0 for information alone', async () => {
      for (const [severity, code] of [['error', 1], ['warning', 1], ['information', 0]] as const) {
        const { cliIo } = fakeIo(work);
        assert.equal(await run(['lint', 'x.postmortem.md'], cliIo, { analyze: () => withProblems([problem(3, 1, severity)]) }), code, severity);
      }
    });

    it('merges extra finding sources after the rules engine, in source order', async () => {
      const { io, cliIo } = fakeIo(work);
      const code = await run(['lint', '-f', 'json', 'x.postmortem.md'], cliIo, {
        analyze: () => withProblems([problem(9, 1, 'warning')]),
        findingSources: [() => [problem(2, 5, 'information', 'rule-from-engine')]],
      });
      assert.equal(code, 1);
      const findings = JSON.parse(io.out) as LintFinding[];
      assert.deepEqual(findings.map((f) => [f.line, f.rule]), [[2, 'rule-from-engine'], [9, 'timeline-timestamp']]);
    });

    it('colors stylish output on a terminal, and not with NO_COLOR', async () => {
      const analyze = () => withProblems([problem(3, 1, 'error')]);
      const tty = fakeIo(work, { tty: true });
      await run(['lint', 'x.postmortem.md'], tty.cliIo, { analyze });
      assert.match(tty.io.out, /\u001b\[31merror\u001b\[0m/);
      assert.match(tty.io.out, /\u001b\[4mx\.postmortem\.md\u001b\[0m/);
      const noColor = fakeIo(work, { tty: true, env: { NO_COLOR: '1' } });
      await run(['lint', 'x.postmortem.md'], noColor.cliIo, { analyze });
      assert.doesNotMatch(noColor.io.out, /\u001b\[/);
    });
  });

  describe('formatters', () => {
    const parserOnly = [(analysis: Analysis) => analysis.problems];
    const findings = findingsFor('docs/x.postmortem.md', withProblems([problem(12, 3, 'warning'), problem(3, 10, 'error'), problem(3, 2, 'information')]), parserOnly);

    it('stylish: header, aligned rows, summary', () => {
      assert.equal(
        formatStylish(findings, false),
        [
          '',
          'docs/x.postmortem.md',
          '   3:2   info     information at 3:2  timeline-timestamp',
          '   3:10  error    error at 3:10       timeline-timestamp',
          '  12:3   warning  warning at 12:3     timeline-timestamp',
          '',
          '\u2716 3 problems (1 error, 1 warning, 1 info)',
          '',
          '',
        ].join('\n'),
      );
      assert.equal(formatStylish([], false), '');
    });

    it('json: exactly the documented keys, in order', () => {
      const rows = JSON.parse(formatJson(findings)) as Record<string, unknown>[];
      assert.deepEqual(rows[0], {
        file: 'docs/x.postmortem.md',
        line: 3,
        column: 2,
        endLine: 3,
        endColumn: 6,
        rule: 'timeline-timestamp',
        category: 'timeline',
        severity: 'information',
        message: 'information at 3:2',
      });
      for (const row of rows) {
        assert.deepEqual(Object.keys(row), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'category', 'severity', 'message']);
      }
    });
  });

  describe('export', () => {
    it('prints file:line:col  field /pointer: message per error, writes nothing, exits 1', async () => {
      const analysis = sampleAnalysis();
      analysis.model.timeline[1].at = 'not a time';
      analysis.model.metadata.extra = {};
      analysis.model.metadata.status = 'closed' as never;
      const { io, cliIo } = fakeIo(work);
      assert.equal(await run(['export', 'x.postmortem.md'], cliIo, { analyze: () => analysis }), 1);
      assert.equal(
        io.err,
        [
          'x.postmortem.md:4:1  field /metadata/status: must be one of: draft, in-review, final, published, null',
          'x.postmortem.md:26:3  field /timeline/1/at: must be an ISO 8601 date and time with a zone, e.g. 2024-03-05T14:02:00Z',
          'postmortem: nothing written: x.postmortem.md does not make a valid Postmortem Format document (2 errors)',
          '',
        ].join('\n'),
      );
      assert.equal(io.out, '');
      assert.throws(() => readFileSync(path.join(work, 'x.postmortem.json')));
    });

    it('takes the format from -o when --format is not given', async () => {
      const { io, cliIo } = fakeIo(work);
      assert.equal(await run(['export', 'x.postmortem.md', '-o', 'shared.yml'], cliIo, { analyze: () => sampleAnalysis() }), 0);
      assert.equal(io.out, 'wrote shared.yml\n');
      assert.match(readFileSync(path.join(work, 'shared.yml'), 'utf8'), /^formatVersion: "1\.0"\n/);
    });
  });
});
