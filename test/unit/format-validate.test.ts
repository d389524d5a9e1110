import * as assert from 'node:assert/strict';
import { exportPostmortem, validateExchangeText } from '../../src/core/format';
import { sampleAnalysis } from '../fixtures/format/models';

function exported(format: 'json' | 'yaml'): string {
  const result = exportPostmortem(sampleAnalysis(), format);
  assert.ok(result.ok);
  return result.content;
}

/** 1-based line and column where `needle` first occurs in `text`. */
function positionOf(text: string, needle: string): [number, number] {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

describe('validateExchangeText', () => {
  for (const format of ['json', 'yaml'] as const) {
    it(`accepts an exported ${format} document`, () => {
      const result = validateExchangeText(exported(format), format);
      assert.deepEqual(result.errors, []);
      assert.ok(result.ok);
      assert.equal(result.document.metadata.id, 'INC-2024-031');
    });
  }

  it('names the line and column of a bad JSON value', () => {
    const text = exported('json').replace('"at": "2024-03-05T14:09:00Z"', '"at": "yesterday"');
    const result = validateExchangeText(text, 'json');
    assert.ok(!result.ok);
    const [line, column] = positionOf(text, '"yesterday"');
    assert.deepEqual(result.errors, [{ path: '/timeline/1/at', message: result.errors[0].message, line, column }]);
    assert.match(result.errors[0].message, /ISO 8601/);
  });

  it('names the line and column of a bad YAML value', () => {
    const text = exported('yaml').replace('due: "2024-04-01"', 'due: next week');
    const result = validateExchangeText(text, 'yaml');
    assert.ok(!result.ok);
    const [line, column] = positionOf(text, 'next week');
    assert.deepEqual(
      result.errors.map((e) => [e.path, e.line, e.column]),
      [['/actionItems/0/due', line, column]],
    );
  });

  it('points at the key of an unknown property and at the parent of a missing one', () => {
    const text = exported('yaml').replace('  severity: SEV2\n', '  sev: SEV2\n');
    const result = validateExchangeText(text, 'yaml');
    assert.ok(!result.ok);
    const [sevLine, sevColumn] = positionOf(text, 'sev: SEV2');
    const [metaLine] = positionOf(text, '  title:');
    assert.deepEqual(
      result.errors.map((e) => [e.path, e.line, e.column]).sort(),
      [
        ['/metadata/sev', sevLine, sevColumn],
        ['/metadata/severity', metaLine, 3],
      ].sort(),
    );
  });

  it('counts lines in CRLF files and ignores a byte-order mark', () => {
    const text = '\ufeff' + exported('json').replace('"status": "final"', '"status": "closed"').replace(/\n/g, '\r\n');
    const result = validateExchangeText(text, 'json');
    assert.ok(!result.ok);
    const [line, column] = positionOf(text.slice(1).replace(/\r\n/g, '\n'), '"closed"');
    assert.deepEqual(result.errors.map((e) => [e.path, e.line, e.column]), [['/metadata/status', line, column]]);
  });

  it('reports malformed JSON at the place it goes wrong, without throwing', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{\n  "formatVersion": "1.0",\n}\n', 2, 25, /trailing comma/],
      ['{\n  "formatVersion": 1.0.1\n}', 2, 20, /expected a value.*found "1\.0\.1"/],
      ['{\n  formatVersion: "1.0"\n}', 2, 3, /property name in double quotes, found "formatVersion:?"/],
      ['{\n  "metadata": {"title": nope}\n}', 2, 25, /expected a value.*found "nope"/],
      ['{"a": "line\nbreak"}', 1, 12, /unterminated string/],
      ['{"a": 1} {"b": 2}', 1, 10, /after the end of the document/],
      ['{"a": [1, 2}', 1, 12, /expected "," or "]"/],
    ];
    for (const [text, line, column, message] of cases) {
      const result = validateExchangeText(text, 'json');
      assert.ok(!result.ok);
      assert.equal(result.errors.length, 1, text);
      assert.equal(result.errors[0].path, '');
      assert.deepEqual([result.errors[0].line, result.errors[0].column], [line, column], text);
      assert.match(result.errors[0].message, /^not valid JSON: /);
      assert.match(result.errors[0].message, message, text);
    }
  });

  // Absurdly deep nesting is tested through the built CLI (cli.test.ts): under tsx's stack-trace
  // source maps, yaml's caught stack overflow runs the test process out of memory.

  it('reports empty and truncated JSON', () => {
    for (const text of ['', '{"formatVersion": "1.0", "metadata": {']) {
      const result = validateExchangeText(text, 'json');
      assert.ok(!result.ok);
      assert.match(result.errors[0].message, /not valid JSON/);
      assert.equal(result.errors[0].line, 1);
    }
  });

  it('reports duplicate JSON keys', () => {
    const result = validateExchangeText('{"formatVersion": "1.0",\n "formatVersion": "1.0"}', 'json');
    assert.ok(!result.ok);
    assert.match(result.errors[0].message, /duplicate key/);
    assert.equal(result.errors[0].line, 2);
  });

  it('reports malformed YAML with a line', () => {
    const result = validateExchangeText('formatVersion: "1.0"\nmetadata:\n  title: [unclosed\n', 'yaml');
    assert.ok(!result.ok);
    assert.match(result.errors[0].message, /^not valid YAML: /);
    assert.ok(result.errors[0].line >= 3);
  });

  it('keeps the alias limit against alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'];
    const result = validateExchangeText(bomb.join('\n'), 'yaml');
    assert.ok(!result.ok);
    assert.match(result.errors[0].message, /alias/i);
  });

  it('rejects a document that is not an object', () => {
    for (const [text, format] of [['[]', 'json'], ['just text', 'yaml'], ['', 'yaml']] as const) {
      const result = validateExchangeText(text, format);
      assert.ok(!result.ok);
      assert.match(result.errors[0].message, /must be an object/);
    }
  });

  it('explains an unsupported formatVersion, and only that', () => {
    const text = exported('json').replace('"formatVersion": "1.0"', '"formatVersion": "2.0"').replace('"metadata"', '"meta"');
    const result = validateExchangeText(text, 'json');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      { path: '/formatVersion', message: 'unsupported formatVersion "2.0"; this tool reads Postmortem Format 1.0', line: 2, column: 20 },
    ]);
  });

  it('suggests quoting an unquoted YAML version number', () => {
    const result = validateExchangeText(exported('yaml').replace('formatVersion: "1.0"', 'formatVersion: 1.0'), 'yaml');
    assert.ok(!result.ok);
    assert.match(result.errors[0].message, /write it as the string "1\.0"/);
  });

  it('requires formatVersion', () => {
    const result = validateExchangeText(exported('json').replace('"formatVersion": "1.0",', ''), 'json');
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => [e.path, e.message, e.line]), [['/formatVersion', 'is required', 1]]);
  });
});
