/**
 * The built CLI (dist/cli.js, built by `npm run test:unit` before mocha runs) against small fixtures:
 * exit codes, messages, the exact JSON lint shape, BOM/CRLF input and the export round trip.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const LINT_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'category', 'severity', 'message'];

function cli(args: string[], cwd: string = ROOT, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoStack(text: string) {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, `stack trace printed:\n${text}`);
}

describe('postmortem CLI (dist/cli.js)', function () {
  this.timeout(30_000);
  let work: string;

  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm run test:unit does)');
    work = mkdtempSync(path.join(tmpdir(), 'postmortem-cli-'));
    for (const name of ['clean', 'problems']) {
      copyFileSync(path.join(FIXTURES, `${name}.postmortem.md`), path.join(work, `${name}.postmortem.md`));
    }
    // Kept without the .postmortem.md suffix so the "every fixture exports" test leaves it out.
    copyFileSync(path.join(FIXTURES, 'invalid-export.md'), path.join(work, 'invalid-export.postmortem.md'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  describe('usage', () => {
    it('--version prints the package version', () => {
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.deepEqual(cli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('--help prints usage with exit 0; no arguments prints it to stderr with exit 2', () => {
      const help = cli(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: postmortem <command>/);
      const none = cli([]);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /^Usage: postmortem/);
    });

    it('each command has its own --help', () => {
      for (const command of ['lint', 'export', 'validate']) {
        const result = cli([command, '--help']);
        assert.equal(result.code, 0);
        assert.match(result.stdout, new RegExp(`^Usage: postmortem ${command} `));
      }
    });

    it('rejects an unknown command or option value with exit 2 and one line (more cases in cli-run.test.ts)', () => {
      for (const args of [['frobnicate'], ['lint', '--format', 'xml', '.']]) {
        const result = cli(args, work);
        assert.equal(result.code, 2, args.join(' '));
        assert.match(result.stderr, /^postmortem: [^\n]+\n$/, args.join(' '));
      }
    });

    it('names an unreadable file in one line, exit 2', () => {
      for (const command of ['lint', 'export', 'validate']) {
        const file = command === 'validate' ? 'incident.postmortem.json' : 'incident.postmortem.md';
        const result = cli([command, file], work);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, `postmortem: cannot read ${file}: no such file\n`);
      }
    });
  });

  describe('lint', () => {
    it('exits 0 and prints nothing for a clean postmortem', () => {
      assert.deepEqual(cli(['lint', 'clean.postmortem.md'], work), { code: 0, stdout: '', stderr: '' });
    });

    it('prints the exact JSON shape and exits 1 when problems are found', () => {
      const result = cli(['lint', '--format', 'json', 'problems.postmortem.md', 'clean.postmortem.md'], work);
      assert.equal(result.code, 1);
      const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
      assert.ok(findings.length >= 2);
      for (const finding of findings) {
        assert.deepEqual(Object.keys(finding), LINT_KEYS);
        assert.equal(finding.file, 'problems.postmortem.md');
        for (const key of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(finding[key]) && (finding[key] as number) >= 1);
        assert.ok(['error', 'warning', 'information'].includes(finding.severity as string));
      }
      const timestamp = findings.find((f) => f.rule === 'timeline-timestamp');
      assert.deepEqual(timestamp && [timestamp.line, timestamp.column, timestamp.category, timestamp.severity], [11, 3, 'timeline', 'error']);
    });

    it('prints an empty JSON array when clean', () => {
      assert.deepEqual(cli(['lint', '-f', 'json', 'clean.postmortem.md'], work), { code: 0, stdout: '[]\n', stderr: '' });
    });

    it('prints stylish output without colors when stdout is not a terminal', () => {
      const result = cli(['lint', 'problems.postmortem.md'], work);
      assert.equal(result.code, 1);
      assert.doesNotMatch(result.stdout, /\u001b\[/);
      const lines = result.stdout.split('\n');
      assert.equal(lines[1], 'problems.postmortem.md');
      assert.match(result.stdout, /\n {2}11:3 {2}error {4}Impossible time 25:61[^\n]* {2}timeline-timestamp\n/);
      assert.match(result.stdout, /\n\u2716 \d+ problems \(1 error, \d+ warnings?\)\n\n$/);
    });

    it('searches folders for *.postmortem.md, skipping node_modules and dot-folders', () => {
      const tree = path.join(work, 'tree');
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
        writeFileSync(path.join(tree, file), text);
      };
      const broken = readFileSync(path.join(FIXTURES, 'problems.postmortem.md'), 'utf8');
      write('b/second.postmortem.md', broken);
      write('a/first.postmortem.md', broken);
      write('a/notes.md', broken);
      write('node_modules/pkg/x.postmortem.md', broken);
      write('.drafts/y.postmortem.md', broken);
      const result = cli(['lint', '--format', 'json', 'tree'], work);
      assert.equal(result.code, 1);
      const files = [...new Set((JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file))];
      assert.deepEqual(files, [path.join('tree', 'a', 'first.postmortem.md'), path.join('tree', 'b', 'second.postmortem.md')]);
    });

    it('exits 2 for a folder without postmortems', () => {
      mkdirSync(path.join(work, 'empty'), { recursive: true });
      const result = cli(['lint', 'empty'], work);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'postmortem: no *.postmortem.md files found in empty\n');
    });

    it('reads a file with a byte-order mark and CRLF line endings like the plain one', () => {
      const plain = readFileSync(path.join(FIXTURES, 'problems.postmortem.md'), 'utf8');
      writeFileSync(path.join(work, 'crlf.postmortem.md'), `\ufeff${plain.replace(/\n/g, '\r\n')}`);
      writeFileSync(path.join(work, 'lf.postmortem.md'), plain);
      const strip = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map(({ file: _file, ...rest }) => rest);
      const crlf = cli(['lint', '-f', 'json', 'crlf.postmortem.md'], work);
      const lf = cli(['lint', '-f', 'json', 'lf.postmortem.md'], work);
      assert.equal(crlf.code, 1);
      assert.deepEqual(strip(crlf.stdout), strip(lf.stdout));
    });
  });

  describe('export and validate', () => {
    it('writes JSON beside the source, refuses to overwrite without --force, and re-exports identical bytes', () => {
      const first = cli(['export', 'clean.postmortem.md'], work);
      assert.deepEqual(first, { code: 0, stdout: 'wrote clean.postmortem.json\n', stderr: '' });
      const bytes = readFileSync(path.join(work, 'clean.postmortem.json'));

      const again = cli(['export', 'clean.postmortem.md'], work);
      assert.equal(again.code, 2);
      assert.equal(again.stderr, 'postmortem: clean.postmortem.json already exists (use --force to overwrite)\n');

      assert.equal(cli(['export', 'clean.postmortem.md', '--force'], work).code, 0);
      assert.ok(readFileSync(path.join(work, 'clean.postmortem.json')).equals(bytes));
      assert.deepEqual(cli(['validate', 'clean.postmortem.json'], work), {
        code: 0,
        stdout: 'clean.postmortem.json: valid Postmortem Format 1.0 document\n',
        stderr: '',
      });
    });

    it('writes YAML into an output folder and validates it', () => {
      mkdirSync(path.join(work, 'out'), { recursive: true });
      const result = cli(['export', 'clean.postmortem.md', '--format', 'yaml', '-o', 'out'], work);
      assert.deepEqual(result, { code: 0, stdout: `wrote ${path.join('out', 'clean.postmortem.yaml')}\n`, stderr: '' });
      assert.equal(cli(['validate', path.join('out', 'clean.postmortem.yaml')], work).code, 0);
    });

    it('writes to stdout with -o -', () => {
      const result = cli(['export', 'clean.postmortem.md', '-o', '-', '-f', 'yaml'], work);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^formatVersion: "1\.0"\n/);
    });

    it('never writes over its source', () => {
      const result = cli(['export', 'clean.postmortem.md', '-o', 'clean.postmortem.md', '--force'], work);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^postmortem: cannot write clean\.postmortem\.md: is the source file/);
    });

    it('exits 1 and writes nothing when the document is invalid, naming file:line:col and the field', () => {
      const result = cli(['export', 'invalid-export.postmortem.md'], work);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      const [first] = result.stderr.split('\n');
      assert.equal(first, 'invalid-export.postmortem.md:6:5  field /metadata/participants/0/handle: must be a handle without the leading @ and without spaces');
      assert.match(result.stderr, /\npostmortem: nothing written: invalid-export\.postmortem\.md does not make a valid Postmortem Format document \(1 error\)\n$/);
      assert.equal(existsSync(path.join(work, 'invalid-export.postmortem.json')), false);
    });

    it('validate exits 1 with file:line:col for an invalid field, and for malformed files', () => {
      writeFileSync(path.join(work, 'bad.json'), '{\n  "formatVersion": "1.0",\n  "metadata": 3\n');
      const malformed = cli(['validate', 'bad.json'], work);
      assert.equal(malformed.code, 1);
      assert.match(malformed.stderr, /^bad\.json:4:1 {2}not valid JSON: /);
      assertNoStack(malformed.stderr);

      writeFileSync(path.join(work, 'version.yaml'), 'formatVersion: "2.0"\n');
      assert.deepEqual(cli(['validate', 'version.yaml'], work), {
        code: 1,
        stdout: '',
        stderr: 'version.yaml:1:16  field /formatVersion: unsupported formatVersion "2.0"; this tool reads Postmortem Format 1.0\n',
      });
    });

    it('validate survives absurdly deep nesting in both formats', () => {
      for (const ext of ['json', 'yaml']) {
        writeFileSync(path.join(work, `deep.${ext}`), `{"extensions": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
        const result = cli(['validate', `deep.${ext}`], work);
        assert.equal(result.code, 1, ext);
        assertNoStack(result.stderr);
      }
    });

    it('validate exits 2 for a file it cannot tell the format of', () => {
      writeFileSync(path.join(work, 'doc.txt'), '{}');
      const result = cli(['validate', 'doc.txt'], work);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^postmortem: cannot tell the format of doc\.txt/);
    });
  });
});
