// `npm run demo`: builds (via the npm script), then runs the built CLI the way a user would: lints the
// bundled example postmortems (a reviewed one, clean, and a first draft with findings), exports each to JSON
// and YAML beside it (--force, so it can run again; examples/*.json and *.yaml are git-ignored) and
// validates what it wrote.
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

/**
 * Runs `postmortem ...args` from the repository root, echoing the command and its output. `expected` lists
 * the exit codes that are not a failure of the demo (lint exits 1 when it finds something to review).
 */
function postmortem(args, expected = [0]) {
  console.log(`\n$ postmortem ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (!expected.includes(result.status)) {
    console.log(`(exit code ${result.status})`);
    failed = true;
  }
  return result.status;
}

postmortem(['--version']);
for (const example of examples) {
  const status = postmortem(['lint', example], [0, 1]);
  console.log(status === 0 ? '(exit 0: nothing to review)' : status === 1 ? '(exit 1: findings to review)' : '');
}
for (const example of examples) {
  for (const format of ['json', 'yaml']) {
    if (postmortem(['export', example, '--format', format, '--force']) === 0) {
      postmortem(['validate', example.replace(/\.md$/, `.${format}`)]);
    }
  }
}
console.log(failed ? '\nThe demo finished with errors (see above).' : `\nDone: ${examples.length} example(s) linted, exported to JSON and YAML beside them, and validated.`);
process.exitCode = failed ? 1 : 0;
