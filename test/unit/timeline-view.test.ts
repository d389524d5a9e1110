/** The timeline view model: chronological order, grouping by UTC day, durations, gaps, milestones, problems. */
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import {
  analysisProblems,
  attachProblems,
  buildTimelineView,
  entryAtLine,
  formatDuration,
  gapFor,
  inlineTokens,
  plainText,
  sourceKind,
  timelineJson,
  timelineMarkdown,
} from '../../src/core/timeline';
import { fixture } from './helpers';

const doc = (timeline: string, frontMatter = 'timezone: UTC') => `---\ntitle: T\n${frontMatter}\n---\n# T\n\n## Timeline\n\n${timeline}\n`;

describe('timeline view model', () => {
  it('orders entries chronologically, ties by line, and groups them by UTC day', () => {
    const view = buildTimelineView(analyze(fixture('timeline/gaps.postmortem.md')));
    assert.deepEqual(
      view.entries.map((e) => `${e.day} ${e.utcTime}`),
      ['2024-03-05 22:10', '2024-03-05 22:12', '2024-03-05 22:52', '2024-03-05 23:50', '2024-03-06 06:30', '2024-03-06 06:30', '2024-03-06 06:45'],
    );
    assert.deepEqual(view.entries.slice(4, 6).map((e) => e.text), ['Consumer fix deployed', 'Same-minute entry keeps document order']);
    assert.deepEqual(view.days.map((d) => [d.date, d.label, d.rows.length]), [['2024-03-05', 'Tue 5 Mar 2024', 4], ['2024-03-06', 'Wed 6 Mar 2024', 3]]);
  });

  it('sorts entries written out of order and groups a zone-shifted entry under its UTC day', () => {
    const view = buildTimelineView(analyze(doc('### 2024-03-05\n\n- 23:30 UTC b\n- 14:00 UTC a\n- 2024-03-06 01:00 +02:00 c')));
    assert.deepEqual(view.entries.map((e) => e.text), ['a', 'c', 'b']);
    assert.deepEqual(view.days.map((d) => d.date), ['2024-03-05']);
    assert.equal(view.entries[1].at, '2024-03-05T23:00:00Z');
    assert.equal(view.entries[1].timeText, '2024-03-06 01:00 +02:00');
  });

  it('derives the durations and the total impact, and says unknown where a milestone is missing', () => {
    const view = buildTimelineView(analyze(fixture('timeline/gaps.postmortem.md')));
    assert.deepEqual(view.durations, { timeToDetectSeconds: 2520, timeToMitigateSeconds: 30000, timeToResolveSeconds: null, totalImpactSeconds: null });
    assert.equal(view.milestones.resolved, null);
    assert.equal(formatDuration(view.durations.timeToResolveSeconds), 'unknown');
    assert.equal(formatDuration(2520), '42 min');
    assert.equal(formatDuration(30000), '8 h 20 min');
    assert.equal(formatDuration(42), '42 s');
    assert.equal(formatDuration(3 * 86400 + 7200), '3 d 2 h');
  });

  it('marks gaps to scale above the threshold and compresses very long ones', () => {
    const view = buildTimelineView(analyze(fixture('timeline/gaps.postmortem.md')));
    const gaps = view.entries.map((e) => e.gap && [e.utcTime, e.gap.seconds, e.gap.compressed]);
    assert.deepEqual(gaps, [null, null, ['22:52', 2400, false], ['23:50', 3480, false], ['06:30', 24000, true], null, ['06:45', 900, false]]);
    assert.equal(view.entries[2].gap!.pixels, 48);
    assert.deepEqual(gapFor(599, 600), null);
    assert.deepEqual(gapFor(600, 600, 7200), { seconds: 600, compressed: false, pixels: 12 });
    assert.equal(gapFor(7200, 600, 7200)!.compressed, true);
    const wide = buildTimelineView(analyze(fixture('timeline/gaps.postmortem.md')), { gapSeconds: 3600, compressSeconds: 86400 });
    assert.deepEqual(wide.entries.filter((e) => e.gap).map((e) => [e.utcTime, e.gap!.compressed]), [['06:30', false]]);
  });

  it('shows the document zone time beside UTC and keeps the time as written', () => {
    const view = buildTimelineView(analyze(fixture('../../examples/checkout-outage.postmortem.md')));
    assert.equal(view.zone, 'Europe/Berlin');
    assert.deepEqual([view.entries[0].utcTime, view.entries[0].zoneTime, view.entries[0].timeText], ['14:02', '15:02 Europe/Berlin', '15:02']);
    assert.equal(view.entries.length, 9);
    assert.deepEqual(view.durations, { timeToDetectSeconds: 420, timeToMitigateSeconds: 2340, timeToResolveSeconds: 4680, totalImpactSeconds: 4680 });
  });

  it('adds a row for a milestone that only the front matter gives, at its place in time', () => {
    const view = buildTimelineView(analyze(doc('### 2024-03-05\n\n- 14:02 UTC a {started}\n- 14:30 UTC b', 'timezone: UTC\ndetected: 2024-03-05T14:10:00Z')));
    const rows = view.days[0].rows.map((r) => (r.kind === 'entry' ? r.entry.text : `<${r.milestone.name} ${r.milestone.utcTime} ${r.milestone.origin}>`));
    assert.deepEqual(rows, ['a', '<detected 14:10 front-matter>', 'b']);
    assert.equal(view.durations.timeToDetectSeconds, 480);
  });

  it('lists entries whose time cannot be resolved apart, and leaves them out of the JSON', () => {
    const view = buildTimelineView(analyze('## Timeline\n\n- 14:02 no date anywhere\n'));
    assert.equal(view.entries.length, 0);
    assert.deepEqual(view.unplaced, [{ line: 3, timeText: '14:02', text: 'no date anywhere' }]);
    assert.deepEqual(timelineJson(view).entries, []);
  });

  it('attaches problems to the entries they concern, once per rule and range', () => {
    const analysis = analyze(doc('### 2024-03-05\n\n- 14:02 a\n- 14:05 UTC b', ''));
    const view = buildTimelineView(analysis);
    const timezone = analysisProblems(analysis).filter((p) => p.rule === 'timeline-timezone');
    assert.equal(timezone.length, 1);
    attachProblems(view, [...timezone, ...timezone, { ...timezone[0], rule: 'blame', severity: 'information', message: 'blame wording' }]);
    assert.deepEqual(view.entries[0].problems.map((p) => p.rule), ['timeline-timezone', 'blame']);
    assert.deepEqual(view.entries[1].problems, []);
    assert.equal(entryAtLine(view, view.entries[1].line)?.text, 'b');
    assert.equal(entryAtLine(view, 1), undefined);
  });

  it('maps sources to kinds with codicons', () => {
    assert.deepEqual(['Alert', 'slack', 'PagerDuty', 'rollback', 'jira', 'weird', null].map(sourceKind), ['alert', 'chat', 'page', 'deploy', 'ticket', 'other', null]);
  });
});

describe('timeline: inline Markdown', () => {
  it('keeps emphasis, strong and code; links keep their text; HTML stays literal text', () => {
    assert.deepEqual(inlineTokens('a **b** _c_ `d <e>` [f](javascript:alert(1)) <img src=x onerror=y>'), [
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd <e>' },
      { kind: 'text', text: ' f <img src=x onerror=y>' },
    ]);
    assert.equal(plainText('snake_case_name and a * b * c \\*literal\\*'), 'snake_case_name and a * b * c *literal*');
  });
});

describe('timeline: CLI JSON and Markdown table', () => {
  it('has exactly the documented JSON shape', () => {
    const json = timelineJson(buildTimelineView(analyze(fixture('timeline/gaps.postmortem.md'))));
    assert.deepEqual(Object.keys(json), ['entries', 'milestones', 'durations']);
    assert.deepEqual(json.entries[0], { at: '2024-03-05T22:10:00Z', text: 'Queue depth starts to grow', source: 'metrics', milestone: 'started', line: 11 });
    for (const entry of json.entries) assert.deepEqual(Object.keys(entry), ['at', 'text', 'source', 'milestone', 'line']);
    assert.deepEqual(json.milestones, { started: '2024-03-05T22:10:00Z', detected: '2024-03-05T22:52:00Z', mitigated: '2024-03-06T06:30:00Z', resolved: null });
    assert.deepEqual(json.durations, { timeToDetectSeconds: 2520, timeToMitigateSeconds: 30000, timeToResolveSeconds: null });
  });

  it('prints a table with escaped pipes, dates where the timeline spans days', () => {
    const one = timelineMarkdown(buildTimelineView(analyze(doc('### 2024-03-05\n\n- 14:02 UTC [alert] a | b {started}'))));
    assert.equal(one, '| Time (UTC, 2024-03-05) | Source | Event | Milestone |\n| --- | --- | --- | --- |\n| 14:02 | alert | a \\| b | started |\n');
    const many = timelineMarkdown(buildTimelineView(analyze(fixture('timeline/gaps.postmortem.md'))));
    assert.match(many, /^\| Time \(UTC\) \|/);
    assert.match(many, /\| 2024-03-06 06:30 \| deploy \| Consumer fix deployed \| mitigated \|/);
  });
});
