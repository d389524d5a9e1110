// The README's first command: `npm run demo` (here its script, on the bundle test:unit has just built).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

describe('npm run demo', () => {
  it('lints both examples, exports each to JSON and YAML, validates them, and exits 0', function () {
    this.timeout(60000);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    // The reviewed example is clean; the draft is meant to show the checks at work.
    assert.match(result.stdout, /\$ postmortem lint examples\/checkout-outage\.postmortem\.md\n\(exit 0: nothing to review\)/);
    assert.match(result.stdout, /hindsight\n[\s\S]*root-cause\n[\s\S]*counterfactual\n[\s\S]*action-owner\n[\s\S]*action-vague\n[\s\S]*\(exit 1: findings to review\)/);
    // "The on-call engineer failed to check" is flagged; "the health check failed to notice", on the same line, is not.
    assert.equal(result.stdout.match(/“failed to”/g)?.length, 1);
    assert.match(result.stdout, /35:22 +warning +“failed to”/);
    for (const name of ['checkout-outage', 'draft-search-outage']) {
      for (const format of ['json', 'yaml']) {
        const written = `examples/${name}.postmortem.${format}`;
        assert.match(result.stdout, new RegExp(`wrote ${written.replace(/\./g, '\\.')}\\n`));
        assert.match(result.stdout, new RegExp(`${written.replace(/\./g, '\\.')}: valid Postmortem Format 1\\.0 document`));
      }
    }
    assert.equal(JSON.parse(readFileSync(path.join(ROOT, 'examples', 'draft-search-outage.postmortem.json'), 'utf8')).metadata.status, 'draft');
  });
});
