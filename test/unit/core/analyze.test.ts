import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { analyzeFixture, problemKeys } from '../helpers';

describe('analyze: front matter', () => {
  it('reads every documented key', () => {
    const { model, problems } = analyzeFixture('parse/list-timeline.postmortem.md');
    assert.deepEqual(problems, []);
    assert.equal(model.metadata.title, 'Search latency incident');
    assert.equal(model.metadata.id, 'INC-2024-031');
    assert.equal(model.metadata.status, 'final');
    assert.equal(model.metadata.severity, 'SEV3');
    assert.equal(model.metadata.timezone, 'UTC');
    assert.deepEqual(model.metadata.authors, ['Ana Lima', 'Ben Ode']);
    assert.deepEqual(model.metadata.services, ['search-api']);
    assert.deepEqual(model.metadata.tags, ['database', 'latency']);
  });

  it('reads participants as mappings and as "Name (role) @handle" strings', () => {
    const { model } = analyze('---\nparticipants:\n  - name: Dana Scully\n    role: incident commander\n    handle: "@dana"\n  - Fox Mulder (on-call) @fox\n  - Walter\n---\n');
    assert.deepEqual(model.metadata.participants, [
      { name: 'Dana Scully', role: 'incident commander', handle: 'dana' },
      { name: 'Fox Mulder', role: 'on-call', handle: 'fox' },
      { name: 'Walter', role: null, handle: null },
    ]);
  });

  it('normalizes the status and takes the title from the H1 when the front matter has none', () => {
    const { model } = analyze('---\nstatus: In Review\n---\n# Disk full\n');
    assert.equal(model.metadata.status, 'in-review');
    assert.equal(model.metadata.title, 'Disk full');
  });

  it('keeps unknown keys and invalid values under extra, each with a problem on its range', () => {
    const analysis = analyze('---\nseverity: SEV9\nstatus: done\nowner_team: payments\ntimezone: Mars/Base\ntags: {a: 1}\n---\n');
    assert.deepEqual(analysis.model.metadata.extra, { status: 'done', owner_team: 'payments', timezone: 'Mars/Base', tags: { a: 1 } });
    assert.equal(analysis.model.metadata.severity, 'SEV9');
    assert.deepEqual(problemKeys(analysis), ['4:1 front-matter-unknown-key', '2:11 front-matter-value', '3:9 front-matter-value', '5:11 front-matter-value', '6:7 front-matter-type']);
  });

  it('accepts a configured severity scale', () => {
    assert.deepEqual(analyze('---\nseverity: P1\n---\n', { severityScale: ['P0', 'P1', 'P2'] }).problems, []);
  });

  it('reports malformed YAML with its line and keeps going', () => {
    const analysis = analyze('---\ntitle: [unclosed\nstatus: draft\n---\n## Summary\nText.\n');
    assert.equal(analysis.problems[0].rule, 'front-matter-syntax');
    assert.equal(analysis.problems[0].severity, 'error');
    assert.ok(analysis.problems[0].range.start.line >= 2);
    assert.equal(analysis.model.sections[0].kind, 'summary');
  });

  it('reports front matter that is never closed', () => {
    const analysis = analyze('---\ntitle: Open\n\n## Summary\n');
    assert.deepEqual(problemKeys(analysis), ['1:1 front-matter-syntax']);
  });

  it('reports front matter that is not a mapping, and impossible milestone dates', () => {
    assert.deepEqual(problemKeys(analyze('---\n- a\n- b\n---\n')), ['2:1 front-matter-syntax']);
    const analysis = analyze('---\nstarted: 2024-02-30T10:00:00Z\n---\n');
    assert.deepEqual(problemKeys(analysis), ['2:10 front-matter-date']);
    assert.equal(analysis.model.metadata.extra.started, '2024-02-30T10:00:00Z');
  });

  it('survives deeply nested YAML and alias bombs with a problem, not a crash', function () {
    this.timeout(20000); // 5,000 levels of nesting take a while to reject; this checks the outcome, not the speed
    const nested = analyze(`---\ntitle: ${'['.repeat(5000)}1${']'.repeat(5000)}\n---\n`);
    assert.ok(nested.problems.some((p) => p.rule === 'front-matter-syntax' || p.rule === 'front-matter-type'));
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
    const aliases = analyze(`---\n${bomb.join('\n')}\n---\n`);
    assert.ok(aliases.problems.length > 0);
  });
});

describe('analyze: sections', () => {
  it('matches headings case-insensitively with synonyms, and keeps unknown sections in order', () => {
    const { model } = analyzeFixture('parse/sections.postmortem.md');
    assert.deepEqual(
      model.sections.map((s) => [s.kind, s.heading]),
      [
        ['other', ''],
        ['summary', '1. Executive Summary'],
        ['impact', 'Customer Impact'],
        ['contributing-factors', 'Root Cause(s)'],
        ['what-went-well', 'What went well'],
        ['where-we-got-lucky', 'Where we got lucky'],
        ['lessons-learned', 'Lessons Learned'],
        ['action-items', 'Follow-ups'],
        ['other', 'Glossary'],
      ],
    );
    assert.equal(model.sections[0].markdown, 'Preface before any section.');
    assert.equal(model.sections[3].markdown, 'A queue consumer was paused.');
    assert.equal(model.metadata.title, 'Payment webhook delays');
    assert.equal(model.sections[1].headingRange.start.line, 5);
  });
});

describe('analyze: timeline in list form', () => {
  const { model } = analyzeFixture('parse/list-timeline.postmortem.md');

  it('resolves times from day headings, rolling over midnight', () => {
    assert.deepEqual(
      model.timeline.map((e) => e.at),
      ['2024-03-05T22:40:00Z', '2024-03-05T23:05:00Z', '2024-03-05T23:58:00Z', '2024-03-06T00:12:00Z', '2024-03-06T01:30:00Z', '2024-03-06T09:00:00Z'],
    );
  });

  it('reads source tags, milestone markers and the description', () => {
    const [first, second, , fourth, fifth] = model.timeline;
    assert.deepEqual([first.source, first.milestones, first.text], ['deploy', ['started'], 'Index compaction job started']);
    assert.deepEqual([fourth.source, fourth.milestones, fourth.text], ['ticket', ['mitigated'], 'OPS-77 opened']);
    assert.deepEqual([fifth.source, fifth.milestones], [null, ['resolved']]);
    assert.match(second.text, /^p99 latency above 2 s\n\s+- The alert went to the search channel\.$/);
  });

  it('keeps exact ranges and raw text', () => {
    const first = model.timeline[0];
    assert.deepEqual([first.range.start.line, first.range.start.column], [20, 1]);
    assert.equal(first.raw, '- 22:40 [deploy] Index compaction job started {started}');
    assert.deepEqual([first.timeRange.start.column, first.timeRange.end.column, first.timeText], [3, 8, '22:40']);
    assert.equal(first.zoneOrigin, 'document');
  });

  it('derives milestones and durations measured from the start', () => {
    assert.equal(model.milestones.started?.at, '2024-03-05T22:40:00Z');
    assert.equal(model.milestones.started?.origin, 'timeline');
    assert.deepEqual(model.durations, { timeToDetectSeconds: 25 * 60, timeToMitigateSeconds: 92 * 60, timeToResolveSeconds: 170 * 60 });
  });
});

describe('analyze: timeline in table form', () => {
  const analysis = analyzeFixture('parse/table-timeline.postmortem.md');
  const { model } = analysis;

  it('uses the time column, the zone named in its header, a date column and a source column', () => {
    assert.deepEqual(
      model.timeline.map((e) => [e.at, e.source, e.zoneOrigin, e.form]),
      [
        ['2024-07-01T09:15:00Z', 'alert', 'column', 'table'],
        ['2024-07-01T09:40:00Z', 'deploy', 'column', 'table'],
        ['2024-07-01T10:02:00Z', 'note', 'column', 'table'],
        ['2024-07-01T09:20:00Z', null, 'document', 'table'],
      ],
    );
    assert.deepEqual(model.timeline[0].milestones, ['started', 'detected']);
    assert.equal(model.timeline[0].text, 'Login error rate at 12%');
    assert.equal(model.durations.timeToResolveSeconds, 47 * 60);
    assert.deepEqual(analysis.problems, []);
  });

  it('reports rows with missing cells and rows without a time', () => {
    const broken = analyze('## Timeline\n\n| Time (UTC) | Event | Source |\n|---|---|---|\n| 2024-01-01 10:00 | Started |\n|  | no time | x |\n| soon | bad | y |\n');
    assert.deepEqual(problemKeys(broken), ['5:1 timeline-table', '6:1 timeline-table', '7:3 timeline-timestamp']);
    assert.match(broken.problems[0].message, /2 of 3 cells; missing: "Source"/);
    assert.equal(broken.model.timeline.length, 1);
  });
});

describe('analyze: timeline time zones and dates', () => {
  it('applies the document time zone to times without one, and explicit zones win', () => {
    const { model } = analyze('---\ntimezone: Europe/Berlin\n---\n## Timeline\n### 2024-07-01\n- 10:00 local\n- 10:30 UTC explicit\n- 2024-07-01T11:00:00-04:00 offset\n');
    assert.deepEqual(
      model.timeline.map((e) => [e.at, e.zoneOrigin]),
      [
        ['2024-07-01T08:00:00Z', 'document'],
        ['2024-07-01T10:30:00Z', 'explicit'],
        ['2024-07-01T15:00:00Z', 'explicit'],
      ],
    );
  });

  it('reads a timestamp without zone as UTC, with a problem on the time, when the document sets no zone', () => {
    const analysis = analyze('## Timeline\n### 2024-07-01\n- 10:00 something\n- 10:05 UTC fine\n');
    assert.deepEqual(problemKeys(analysis), ['3:3 timeline-timezone']);
    assert.equal(analysis.model.timeline[0].at, '2024-07-01T10:00:00Z');
    assert.equal(analysis.model.timeline[0].zoneOrigin, 'assumed-utc');
  });

  it('takes the date of a bare time from the front matter start, else reports it', () => {
    const dated = analyze('---\nstarted: 2024-07-01T09:58:00Z\ntimezone: UTC\n---\n## Timeline\n- 10:00 first\n');
    assert.equal(dated.model.timeline[0].at, '2024-07-01T10:00:00Z');
    const undated = analyze('---\ntimezone: UTC\n---\n## Timeline\n- 10:00 first\n');
    assert.equal(undated.model.timeline[0].at, null);
    assert.deepEqual(problemKeys(undated), ['5:3 timeline-date']);
  });

  it('keeps an impossible time as an unresolved entry with an error on it', () => {
    const analysis = analyze('---\ntimezone: UTC\n---\n## Timeline\n### 2024-07-01\n- 24:30 after midnight?\n');
    assert.equal(analysis.model.timeline.length, 1);
    assert.equal(analysis.model.timeline[0].at, null);
    assert.equal(analysis.model.timeline[0].text, 'after midnight?');
    assert.deepEqual(problemKeys(analysis), ['6:3 timeline-timestamp']);
  });

  it('reads bold and code-wrapped times and timed lines in a paragraph', () => {
    const { model } = analyze('---\ntimezone: UTC\n---\n## Timeline\n### 2024-07-01\n- **10:00** — alert fired\n- `10:05` page sent\n\n10:10 - first line  \n10:20: second line\n');
    assert.deepEqual(
      model.timeline.map((e) => [e.timeText, e.text, e.at]),
      [
        ['10:00', 'alert fired', '2024-07-01T10:00:00Z'],
        ['10:05', 'page sent', '2024-07-01T10:05:00Z'],
        ['10:10', 'first line', '2024-07-01T10:10:00Z'],
        ['10:20', 'second line', '2024-07-01T10:20:00Z'],
      ],
    );
  });

  it('groups nested entries under a list item that names a day', () => {
    const { model } = analyze('---\ntimezone: UTC\n---\n## Timeline\n- 2024-07-01\n  - 23:59 late\n  - 00:01 early {started}\n');
    assert.deepEqual(model.timeline.map((e) => e.at), ['2024-07-01T23:59:00Z', '2024-07-02T00:01:00Z']);
  });
});

describe('analyze: milestones', () => {
  it('takes milestones from the front matter when the timeline has none', () => {
    const { model } = analyze('---\nstarted: 2024-07-01T10:00:00Z\nresolved: 2024-07-01T12:30:00Z\n---\n');
    assert.equal(model.milestones.started?.origin, 'front-matter');
    assert.deepEqual(model.durations, { timeToDetectSeconds: null, timeToMitigateSeconds: null, timeToResolveSeconds: 9000 });
  });

  it('reports a front matter milestone that disagrees with the timeline, on the entry, and uses the front matter', () => {
    const analysis = analyze('---\ntimezone: UTC\ndetected: 2024-07-01T10:05:00Z\n---\n## Timeline\n### 2024-07-01\n- 10:00 alert {started}\n- 10:07 page {detected}\n');
    assert.deepEqual(problemKeys(analysis), ['8:1 milestone-conflict']);
    assert.equal(analysis.model.milestones.detected?.at, '2024-07-01T10:05:00Z');
    assert.equal(analysis.model.durations.timeToDetectSeconds, 300);
  });

  it('agreeing values are no problem; duplicate markers are', () => {
    const analysis = analyze('---\ntimezone: UTC\nstarted: 2024-07-01T10:00:00Z\n---\n## Timeline\n### 2024-07-01\n- 10:00 alert {started}\n- 10:01 again {started}\n');
    assert.deepEqual(problemKeys(analysis), ['8:1 milestone-duplicate']);
    assert.equal(analysis.model.milestones.started?.origin, 'timeline');
  });
});

describe('analyze: action items', () => {
  const analysis = analyzeFixture('parse/actions.postmortem.md');
  const items = analysis.model.actionItems;

  it('reads owner, due date, ticket, priority, status and type from list items', () => {
    assert.deepEqual(
      items.slice(0, 4).map((i) => [i.text, i.owner, i.due, i.ticket, i.priority, i.status, i.type]),
      [
        ['Alert on disk usage above 80%', '@maria', '2024-05-01', { key: 'OPS-101', url: null }, 'P1', 'open', 'detect'],
        ['Clean up old build caches nightly', '@li', null, null, null, 'done', null],
        ['Document the cleanup runbook', 'Platform team', null, { key: 'BUILD-7', url: 'https://tracker.example.com/BUILD-7' }, null, 'open', 'process'],
        ['Investigate', null, null, null, null, 'open', null],
      ],
    );
    assert.deepEqual(items.map((i) => i.form), ['list', 'list', 'list', 'list', 'table', 'table']);
  });

  it('reads table rows by their column headers', () => {
    assert.deepEqual(
      items.slice(4).map((i) => [i.text, i.owner, i.due, i.ticket, i.priority, i.status, i.type]),
      [
        ['Add a disk quota per job', '@maria', '2024-06-01', { key: 'OPS-102', url: null }, 'P2', 'open', 'prevent'],
        ['Retire agent pool B', 'SRE team', '2024-06-15', { key: 'OPS-103', url: 'https://tracker.example.com/OPS-103' }, 'P3', 'done', 'mitigate'],
      ],
    );
    assert.deepEqual(analysis.problems, []);
  });

  it('does not take a handle out of the middle of a sentence, nor an e-mail address as a handle', () => {
    const { model } = analyze('## Action items\n- Ask @kim to rotate the keys\n- Mail ops@example.com about it\n');
    assert.deepEqual(model.actionItems.map((i) => [i.text, i.owner]), [['Ask @kim to rotate the keys', '@kim'], ['Mail ops@example.com about it', null]]);
  });

  it('removes a link that is only the ticket key from the text, and the separators left behind', () => {
    const { model } = analyze('## Action items\n- [ ] Add SLO alerts — owner: Observability team, due 2024-04-01, [OBS-88](https://tracker.example.com/OBS-88)\n');
    assert.deepEqual(
      [model.actionItems[0].text, model.actionItems[0].owner, model.actionItems[0].ticket],
      ['Add SLO alerts', 'Observability team', { key: 'OBS-88', url: 'https://tracker.example.com/OBS-88' }],
    );
  });

  it('reports an impossible due date on its range', () => {
    assert.deepEqual(problemKeys(analyze('## Action items\n- Fix it, owner: @a, due 2024-13-01\n')), ['2:22 action-date']);
  });
});

describe('analyze: section time zones', () => {
  it('applies a zone named in the timeline heading or in an "All times" line', () => {
    const fromHeading = analyze('## Timeline (all times PDT)\n### 2024-07-01\n- 10:00 x\n');
    assert.deepEqual([fromHeading.model.timeline[0].at, fromHeading.model.timeline[0].zoneOrigin], ['2024-07-01T17:00:00Z', 'section']);
    assert.equal(fromHeading.model.sections[0].kind, 'timeline');
    const fromLine = analyze('## Timeline\nAll times are in UTC+2.\n### 2024-07-01\n- 10:00 x\n');
    assert.deepEqual([fromLine.model.timeline[0].at, fromLine.model.timeline[0].zoneOrigin], ['2024-07-01T08:00:00Z', 'section']);
    assert.deepEqual(fromLine.problems, []);
  });
});
