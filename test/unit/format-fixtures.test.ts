/**
 * Every postmortem the project ships as a fixture or example exports to a schema-valid document in
 * both formats, and exporting again gives the same bytes.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { exportPostmortem, validateExchangeText } from '../../src/core/format';

const ROOT = path.resolve(__dirname, '../..');

function postmortems(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.postmortem.md'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

const FILES = [...postmortems('test/fixtures'), ...postmortems('examples')];

describe('exporting the fixtures and examples', () => {
  it('finds the example and some fixtures', () => {
    assert.ok(FILES.includes(path.join('examples', 'checkout-outage.postmortem.md')));
    assert.ok(FILES.length > 2);
  });

  for (const file of FILES) {
    for (const format of ['json', 'yaml'] as const) {
      it(`${file} → ${format}: valid, and byte-identical when exported again`, () => {
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        const first = exportPostmortem(analyze(text), format, { sourceName: file });
        assert.ok(first.ok, first.ok ? '' : JSON.stringify(first.errors, null, 2));
        const again = exportPostmortem(analyze(text), format, { sourceName: file });
        assert.ok(again.ok && again.content === first.content);
        const checked = validateExchangeText(first.content, format);
        assert.deepEqual(checked.errors, []);
      });
    }
  }
});
