// `npm run demo`: builds (via the npm script), then runs the built CLI the way a user would: lints the
// bundled example postmortems, exports each to JSON and YAML beside it (--force, so it can run again;
// examples/*.json and *.yaml are git-ignored) and validates what it wrote.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'cli.js');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((name) => name.endsWith('.postmortem.md'))
  .sort()
  .map((name) => path.join('examples', name));

let failed = false;

/** Runs `postmortem ...args` from the repository root, echoing the command and its output. */
function postmortem(...args) {
  console.log(`\n$ postmortem ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.log(`(exit code ${result.status})`);
    failed = true;
  }
  return result.status;
}

postmortem('--version');
if (postmortem('lint', 'examples') === 0) console.log('(exit 0: no errors or warnings)');
for (const example of examples) {
  for (const format of ['json', 'yaml']) {
    if (postmortem('export', example, '--format', format, '--force') === 0) {
      postmortem('validate', example.replace(/\.md$/, `.${format}`));
    }
  }
}
console.log(failed ? '\nThe demo finished with errors (see above).' : `\nDone: ${examples.length} example(s) linted, exported to JSON and YAML beside them, and validated.`);
process.exitCode = failed ? 1 : 0;
