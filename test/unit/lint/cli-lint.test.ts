/** `postmortem lint` with the rules engine, in-process: configuration, --max-warnings, SARIF, --fix. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { RULES } from '../../../src/core/rules';
import type { CliIo } from '../../../src/cli/io';
import type { LintFinding } from '../../../src/cli/lint/findings';
import { formatSarif } from '../../../src/cli/lint/sarif';
import { run } from '../../../src/cli/run';

const KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'category', 'severity', 'message'];
/** Every required section, so only the planted wording is reported. */
const DOC = [
  '# Checkout outage',
  '',
  '## Summary',
  '',
  'Obviously, the root cause was a bad config push.', // 5: hindsight (warning), root-cause (information)
  'The on-call engineer should have rolled back sooner.', // 6: counterfactual (warning)
  'The health check failed to respond.', // 7: not flagged (a system)
  '',
  '## Impact',
  '',
  'Checkout failed for 40 minutes.',
  '',
  '## Timeline',
  '',
  '### 2024-03-05',
  '',
  '- 14:02 UTC Error rate above 5% {started} {detected}',
  '- 14:40 UTC Rolled back {mitigated} {resolved}',
  '',
  '## Contributing factors',
  '',
  'The push skipped the canary stage.',
  '',
  '## Action items',
  '',
  '- [ ] Add a canary stage to the config pipeline', // 26: action-owner (warning)
  '',
].join('\n');

function cli(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd, env: {}, stdoutIsTTY: false, out: (t) => void (out.stdout += t), err: (t) => void (out.stderr += t) };
  return { out, exec: (...args: string[]) => run(args, io, { analyze }) };
}

describe('postmortem lint with the rules engine', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'postmortem-lint-'));
    mkdirSync(path.join(work, 'team', 'incidents'), { recursive: true });
    writeFileSync(path.join(work, 'team', 'incidents', 'a.postmortem.md'), DOC);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const file = path.join('team', 'incidents', 'a.postmortem.md');

  async function json(...args: string[]): Promise<{ code: number; findings: LintFinding[]; stderr: string }> {
    const { out, exec } = cli(work);
    const code = await exec('lint', '-f', 'json', ...args);
    return { code, findings: out.stdout ? JSON.parse(out.stdout) : [], stderr: out.stderr };
  }

  it('reports the rules with exact phrases, the JSON shape unchanged, each parser problem once', async () => {
    const { code, findings } = await json(file);
    assert.equal(code, 1);
    for (const finding of findings) assert.deepEqual(Object.keys(finding), KEYS);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.line, f.column, f.endColumn, f.severity, f.category]),
      [
        ['hindsight', 5, 1, 10, 'warning', 'blameless'],
        ['root-cause', 5, 12, 26, 'information', 'blameless'],
        ['counterfactual', 6, 22, 33, 'warning', 'blameless'],
        ['action-owner', 26, 1, 48, 'warning', 'remediation'],
      ],
    );
    // A parser problem comes through lint() only, not a second time from the model.
    writeFileSync(path.join(work, 'bad.postmortem.md'), DOC.replace('14:40 UTC', '25:61 UTC'));
    const bad = await json('bad.postmortem.md');
    assert.equal(bad.findings.filter((f) => f.rule === 'timeline-timestamp').length, 1);
  });

  it('uses the nearest .postmortemrc above the file (the editor finds the same one)', async () => {
    writeFileSync(path.join(work, '.postmortemrc.json'), '{"rules": {"hindsight": "error"}}');
    writeFileSync(path.join(work, 'team', '.postmortemrc.yaml'), 'rules:\n  counterfactual: off\n  action-owner: off\n');
    const { code, findings } = await json(file);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['hindsight', 'warning'], ['root-cause', 'information']], 'the nearest file alone applies');
    assert.equal(code, 1);
  });

  it('--config FILE replaces discovery; an invalid or unreadable one is exit 2 naming the file', async () => {
    writeFileSync(path.join(work, 'team', '.postmortemrc.json'), '{"rules": {"hindsight": "off"}}');
    writeFileSync(path.join(work, 'ci.yaml'), 'rules:\n  hindsight: error\n  root-cause: off\n');
    const { findings } = await json('--config', 'ci.yaml', file);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]).slice(0, 2), [['hindsight', 'error'], ['counterfactual', 'warning']]);

    writeFileSync(path.join(work, 'broken.json'), '{"rules": ');
    const broken = await json('--config', 'broken.json', file);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^postmortem: invalid configuration in broken\.json: Not valid JSON[^\n]*\n$/);
    assert.equal((await json('--config', 'missing.json', file)).stderr, 'postmortem: cannot read missing.json: no such file\n');
  });

  it('a discovered configuration with an error stops its files (exit 2, said once); warnings are printed and linting goes on', async () => {
    writeFileSync(path.join(work, 'team', '.postmortemrc.json'), '{"rules": {"hindsight": "loud"}}');
    writeFileSync(path.join(work, 'team', 'incidents', 'b.postmortem.md'), DOC);
    const bad = await json('team');
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, `postmortem: invalid configuration in ${path.join('team', '.postmortemrc.json')} at /rules/hindsight: Rule "hindsight": severity must be one of error, warning, information, off.\n`);

    writeFileSync(path.join(work, 'team', '.postmortemrc.json'), '{"rules": {"blam": "off"}, "colour": 1}');
    const warned = await json('team');
    assert.equal(warned.code, 1);
    assert.equal(warned.stderr.split('\n').filter(Boolean).length, 2);
    assert.match(warned.stderr, /^postmortem: warning: team\/\.postmortemrc\.json at \/rules\/blam: Unknown rule "blam"/);
    assert.equal(warned.findings.length, 8);
  });

  it('--max-warnings N: exit 1 only for errors or more than N warnings (information never counts)', async () => {
    assert.equal((await json('--max-warnings', '3', file)).code, 0, '3 warnings, 1 info');
    assert.equal((await json('--max-warnings', '2', file)).code, 1);
    assert.equal((await json('--max-warnings', '0', file)).code, 1);
    writeFileSync(path.join(work, '.postmortemrc.json'), '{"rules": {"root-cause": "error"}}');
    assert.equal((await json('--max-warnings', '10', file)).code, 1, 'an error fails whatever N');
    const { out, exec } = cli(work);
    assert.equal(await exec('lint', '--max-warnings', 'many', file), 2);
    assert.match(out.stderr, /^postmortem: --max-warnings takes a whole number of warnings, got "many"\n$/);
  });

  it('--format sarif: a SARIF 2.1.0 log code-scanning tools read', async () => {
    const { out, exec } = cli(work);
    assert.equal(await exec('lint', '--format', 'sarif', file), 1);
    const log = JSON.parse(out.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [runLog] = log.runs;
    const { driver } = runLog.tool;
    assert.equal(driver.name, 'postmortem');
    assert.equal(driver.version, JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version);
    // package.json names no repository, so the log links to no home page or docs (rather than to a made-up one).
    assert.equal(driver.informationUri, undefined);
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    for (const rule of driver.rules) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.equal(rule.helpUri, undefined);
      assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(driver.rules.find((r: { id: string }) => r.id === 'action-due').defaultConfiguration.level, 'none');
    assert.match(runLog.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    assert.deepEqual(
      runLog.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
      [['hindsight', 'warning'], ['root-cause', 'note'], ['counterfactual', 'warning'], ['action-owner', 'warning']],
    );
    for (const result of runLog.results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(typeof result.message.text, 'string');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'team/incidents/a.postmortem.md', uriBaseId: '%SRCROOT%' });
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, key);
    }
    assert.deepEqual(runLog.results[0].locations[0].physicalLocation.region, { startLine: 5, startColumn: 1, endLine: 5, endColumn: 10 });
  });

  it('--format sarif lists parser problem ids it reports; rules link to their docs when a repository is known', async () => {
    writeFileSync(path.join(work, 'bad.postmortem.md'), DOC.replace('14:40 UTC', '25:61 UTC'));
    const { out, exec } = cli(work);
    await exec('lint', '-f', 'sarif', 'bad.postmortem.md');
    const { driver } = JSON.parse(out.stdout).runs[0].tool;
    assert.ok(driver.rules.some((r: { id: string }) => r.id === 'timeline-timestamp'));
    const finding = { file: 'a.postmortem.md', line: 1, column: 1, endLine: 1, endColumn: 2, rule: 'timeline-timestamp', category: 'timeline', severity: 'error', message: 'x' } as const;
    const linked = JSON.parse(formatSarif([finding], { name: 'postmortem', version: '1', informationUri: 'https://example.com/repo', docsBase: 'https://example.com/repo/blob/HEAD/' }, work));
    const rules = linked.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    assert.equal(linked.runs[0].tool.driver.informationUri, 'https://example.com/repo');
    assert.equal(rules.find((r) => r.id === 'blame')?.helpUri, 'https://example.com/repo/blob/HEAD/docs/rules/blame.md');
    assert.match(rules.find((r) => r.id === 'timeline-timestamp')!.helpUri, /docs\/rules\/README\.md#timeline-timestamp$/);
  });

  it('--fix applies every mechanical fix, writes the file once, and a second run changes nothing', async () => {
    const target = path.join(work, file);
    const { exec, out } = cli(work);
    assert.equal(await exec('lint', '--fix', '-f', 'json', file), 1);
    const fixed = readFileSync(target, 'utf8');
    assert.match(fixed, /^A contributing factor was a bad config push\.$/m);
    assert.match(fixed, /^- \[ \] Add a canary stage to the config pipeline — owner: @TBD$/m);
    assert.match(fixed, /should have rolled back/, 'no mechanical fix for a counterfactual');
    const left = (JSON.parse(out.stdout) as LintFinding[]).map((f) => f.rule);
    assert.deepEqual(left, ['counterfactual', 'action-owner'], 'what is left: the counterfactual and the placeholder owner');
    await cli(work).exec('lint', '--fix', file);
    assert.equal(readFileSync(target, 'utf8'), fixed);
  });
});
