import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { fixture, problemKeys } from '../helpers';

describe('analyze: bad input', () => {
  it('reports an empty or blank document instead of failing', () => {
    for (const text of ['', '  \n\n\t\n']) {
      const analysis = analyze(text);
      assert.deepEqual(problemKeys(analysis), ['1:1 document-empty']);
      assert.deepEqual(analysis.model.sections, []);
      assert.deepEqual(analysis.model.timeline, []);
    }
  });

  it('reads CRLF line endings with the same model and line numbers as LF', () => {
    const lf = fixture('parse/list-timeline.postmortem.md');
    const crlf = analyze(lf.replace(/\n/g, '\r\n'));
    const plain = analyze(lf);
    assert.deepEqual(crlf.model.timeline.map((e) => [e.at, e.text.replace(/\r/g, ''), e.range.start.line, e.range.end.line]), plain.model.timeline.map((e) => [e.at, e.text, e.range.start.line, e.range.end.line]));
    assert.deepEqual(crlf.model.metadata, plain.model.metadata);
    assert.deepEqual(crlf.problems, []);
    assert.equal(crlf.model.sections[1].markdown.replace(/\r/g, ''), plain.model.sections[1].markdown);
  });

  it('ignores a byte-order mark', () => {
    const analysis = analyze(`\uFEFF${fixture('parse/list-timeline.postmortem.md')}`);
    assert.equal(analysis.model.metadata.title, 'Search latency incident');
    assert.deepEqual(analysis.problems, []);
    assert.equal(analysis.model.timeline[0].range.start.line, 20);
  });

  it('stays linear on hostile input meant to make patterns backtrack', function () {
    this.timeout(20000);
    const hostile = [
      '---',
      `title: "${'a'.repeat(20000)}"`,
      '---',
      '## Timeline',
      `- ${'1:'.repeat(20000)}`,
      `- 10:00 ${'{'.repeat(20000)}`,
      `- **${'*'.repeat(20000)}`,
      '## Action items',
      `- owner:${' a'.repeat(20000)}`,
      `- ${'@a'.repeat(20000)}`,
      `- ${'due '.repeat(20000)}`,
      `- ${'[x]('.repeat(5000)}`,
      `- ${'OPS-'.repeat(20000)}`,
    ].join('\n');
    const analysis = analyze(hostile);
    assert.equal(analysis.model.actionItems.length, 5);
  });

  it('reads a large document (about 1 MB) completely', function () {
    this.timeout(60000);
    const entries = Array.from({ length: 6000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} [alert] Event number ${i} with @dana and OPS-${i}`);
    const text = `---\ntimezone: UTC\n---\n## Summary\n${'Text. '.repeat(50000)}\n## Timeline\n### 2024-03-05\n${entries.join('\n')}\n`;
    assert.ok(text.length > 500_000);
    const analysis = analyze(text);
    assert.equal(analysis.model.timeline.length, 6000);
    assert.equal(analysis.model.timeline[5999].at, '2024-03-09T03:59:00Z');
  });
});
