// Entry loaded by VS Code's extension host (extensionTestsPath): runs the mocha suites beside it inside the real
// extension host. Bundled by ../run.mjs to CommonJS (out/test/integration-run-<pid>/host/index.js), one bundle per suite.
// Extension-host console output does not reach the runner, so the report goes to $POSTMORTEM_TEST_REPORT; its last
// line is `RESULT {"passed":N,"failed":N}`, which the runner reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// Suites run in this order: the activation suite must run before anything opens a postmortem file.
const FIRST = ['activation.test.js'];

export function run(): Promise<void> {
  process.setSourceMapsEnabled(true); // stack traces point at the .ts suites
  const report = process.env.POSTMORTEM_TEST_REPORT;
  const write = (line: string): void => {
    if (report) fs.appendFileSync(report, line + '\n');
  };
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => write(format(...args));

  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, slow: 5_000, color: false, reporter: 'spec' });
  if (process.env.POSTMORTEM_TEST_GREP) mocha.grep(process.env.POSTMORTEM_TEST_GREP);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'));
  files.sort((a, b) => (FIRST.includes(b) ? 1 : 0) - (FIRST.includes(a) ? 1 : 0) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        write(`RESULT ${JSON.stringify({ passed, failed })}`);
        if (failed) reject(new Error(`${failed} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++); // failing hooks count too
    } catch (err) {
      write(`error while loading the suites: ${err instanceof Error ? err.stack : String(err)}`);
      write(`RESULT ${JSON.stringify({ passed, failed: failed + 1 })}`);
      reject(err);
    }
  });
}
