/** Sorting timeline entries and "Add Timeline Entry Now" as plain text edits, in list and table forms. */
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { applyTextEdits, insertEntryNow, sortTimelineEdits } from '../../src/core/timeline';

const sorted = (text: string): string => applyTextEdits(text, sortTimelineEdits(analyze(text)));
const inserted = (text: string, now: string): string => {
  const insertion = insertEntryNow(analyze(text), Date.parse(now));
  assert.ok(insertion, 'an insertion');
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
};

const LIST = `---
timezone: UTC
---
## Timeline

### 2024-03-05

- 14:09 b {detected}
- 14:02 a {started}
  - a nested note moves with its entry
- 14:44 d
- 14:31 c

### 2024-03-06

- 09:00 f
- 08:00 e

## Action items
`;

describe('timeline: sort edits', () => {
  it('sorts each list run chronologically, nested content moving with its entry, days kept apart', () => {
    assert.equal(
      sorted(LIST),
      LIST.replace('- 14:09 b {detected}\n- 14:02 a {started}\n  - a nested note moves with its entry\n- 14:44 d\n- 14:31 c', '- 14:02 a {started}\n  - a nested note moves with its entry\n- 14:09 b {detected}\n- 14:31 c\n- 14:44 d').replace(
        '- 09:00 f\n- 08:00 e',
        '- 08:00 e\n- 09:00 f',
      ),
    );
    assert.equal(sortTimelineEdits(analyze(sorted(LIST))).length, 0, 'sorting twice changes nothing');
  });

  it('sorts table rows and keeps the header, escaped pipes and cell layout', () => {
    const table = '## Timeline\n\n| Time (UTC) | Source | Event |\n| --- | --- | --- |\n| 2024-03-05 14:31 | deploy | c \\| d |\n| 2024-03-05 14:02 | alert | a |\n| 2024-03-05 14:09 | page | b |\n';
    assert.equal(sorted(table), '## Timeline\n\n| Time (UTC) | Source | Event |\n| --- | --- | --- |\n| 2024-03-05 14:02 | alert | a |\n| 2024-03-05 14:09 | page | b |\n| 2024-03-05 14:31 | deploy | c \\| d |\n');
  });

  it('keeps ordered-list numbers in place, keeps ties in document order and unknown times in their slots', () => {
    const ordered = '## Timeline\n\n### 2024-03-05\n\n1. 14:09 UTC b\n2. 14:02 UTC a\n3. 14:02 UTC a2\n';
    assert.equal(sorted(ordered), '## Timeline\n\n### 2024-03-05\n\n1. 14:02 UTC a\n2. 14:02 UTC a2\n3. 14:09 UTC b\n');
    const unknown = '## Timeline\n\n### 2024-03-05\n\n- 14:09 UTC b\n- 25:99 UTC broken\n- 14:02 UTC a\n';
    assert.equal(sorted(unknown), '## Timeline\n\n### 2024-03-05\n\n- 14:02 UTC a\n- 25:99 UTC broken\n- 14:09 UTC b\n');
  });

  it('returns no edit for an already sorted timeline', () => {
    assert.deepEqual(sortTimelineEdits(analyze('## Timeline\n\n### 2024-03-05\n\n- 14:02 UTC a\n- 14:09 UTC b\n')), []);
  });
});

describe('timeline: add entry now', () => {
  it('inserts after the last entry at or before now, under today\'s day heading', () => {
    assert.equal(
      inserted(LIST, '2024-03-05T14:35:20Z'),
      LIST.replace('- 14:31 c\n', '- 14:31 c\n- 14:35 UTC [source] What happened\n'),
    );
    assert.equal(inserted(LIST, '2024-03-06T08:30:00Z'), LIST.replace('- 08:00 e\n', '- 08:00 e\n- 08:30 UTC [source] What happened\n'));
  });

  it('creates today\'s day heading at the end of the timeline when the timeline uses day headings', () => {
    assert.equal(
      inserted(LIST, '2024-03-07T10:00:00Z'),
      LIST.replace('- 08:00 e\n', '- 08:00 e\n\n### 2024-03-07\n\n- 10:00 UTC [source] What happened\n'),
    );
  });

  it('writes a table row shaped like the table\'s rows, with the date when the rows carry one', () => {
    const table = '## Timeline\n\n| Time (UTC) | Source | Event | Owner |\n| --- | --- | --- | --- |\n| 2024-03-05 14:02 | alert | a | ops |\n';
    assert.equal(inserted(table, '2024-03-05T14:10:00Z'), table + '| 2024-03-05 14:10 UTC | source | What happened | |\n');
    const insertion = insertEntryNow(analyze(table), Date.parse('2024-03-05T14:10:00Z'))!;
    assert.equal(insertion.snippet, '\n| 2024-03-05 14:10 UTC | ${1:source} | ${2:What happened} | |$0');
  });

  it('writes the date when a timeline without day headings is on another day, and offers a snippet', () => {
    const plain = '---\nstarted: 2024-03-05T14:00:00Z\n---\n## Timeline\n\n- 14:02 UTC a\n';
    assert.equal(inserted(plain, '2024-03-06T09:00:00Z'), plain + '- 2024-03-06 09:00 UTC [source] What happened\n');
    assert.equal(insertEntryNow(analyze(plain), Date.parse('2024-03-05T15:00:00Z'))!.snippet, '\n- 15:00 UTC [${1:source}] ${2:What happened}$0');
  });

  it('inserts before the first entry when every entry is later than now, and into an empty timeline', () => {
    const later = '## Timeline\n\n### 2024-03-05\n\n- 14:02 UTC a\n';
    assert.equal(inserted(later, '2024-03-05T13:00:00Z'), '## Timeline\n\n### 2024-03-05\n\n- 13:00 UTC [source] What happened\n- 14:02 UTC a\n');
    assert.equal(inserted('## Timeline\n\n## Impact\n', '2024-03-05T13:00:00Z'), '## Timeline\n\n- 13:00 UTC [source] What happened\n\n## Impact\n');
    assert.equal(insertEntryNow(analyze('## Summary\n\nNo timeline.\n'), 0), null);
  });
});
