import assert from 'node:assert/strict';
import { hits, lintText } from './helpers';

const actions = (items: string): string => `# X\n\n## Action items\n\n${items}\n`;

describe('action-owner', () => {
  it('flags an item without owner and offers an owner placeholder', () => {
    const text = actions('- Add an alert on replication lag\n- Add a runbook step — owner: @bob');
    const { findings } = lintText(text);
    const owner = findings.filter((f) => f.rule === 'action-owner');
    assert.equal(owner.length, 1);
    assert.equal(text.slice(owner[0].range.start.offset, owner[0].range.end.offset), '- Add an alert on replication lag');
    assert.equal(owner[0].fix?.replacement, ' — owner: @TBD');
  });
  it('reports a placeholder owner without a fix', () => {
    const { findings } = lintText(actions('- Add an alert — owner: @TBD'));
    const owner = findings.filter((f) => f.rule === 'action-owner');
    assert.equal(owner.length, 1);
    assert.equal(owner[0].fix, undefined);
    assert.match(owner[0].message, /placeholder/);
  });
  it('accepts a team owner in a table', () => {
    const text = actions('| Action | Owner |\n| --- | --- |\n| Add an alert on lag | SRE team |');
    assert.deepEqual(hits(text, 'action-owner'), []);
  });
});

describe('action-due and action-ticket (off by default)', () => {
  const text = actions('- Add an alert on replication lag — owner: @bob');
  it('are off by default', () => {
    assert.deepEqual(hits(text, 'action-due'), []);
    assert.deepEqual(hits(text, 'action-ticket'), []);
  });
  it('report when enabled', () => {
    assert.equal(hits(text, 'action-due', { rules: { 'action-due': 'warning' } }).length, 1);
    assert.equal(hits(text, 'action-ticket', { rules: { 'action-ticket': 'information' } }).length, 1);
    assert.deepEqual(hits(actions('- Add an alert — owner: @bob, due 2024-05-01, OPS-12'), 'action-due', { rules: { 'action-due': 'warning' } }), []);
  });
});

describe('action-vague', () => {
  const vague = (item: string): string[] => hits(actions(`- ${item} — owner: @bob`), 'action-vague');
  it('flags items that are not actionable', () => {
    assert.deepEqual(vague('Be more careful when deploying'), ['Be more careful']);
    assert.deepEqual(vague('Make sure backups work'), ['Make sure']);
    assert.deepEqual(vague('Remember to check the dashboard'), ['Remember to']);
    assert.deepEqual(vague('Double-check the config'), ['Double-check']);
    assert.deepEqual(vague('Investigate'), ['Investigate']);
    assert.deepEqual(vague('Fix the issue'), ['Fix the issue']);
  });
  it('accepts concrete items, even with weak verbs and an object', () => {
    assert.deepEqual(vague('Add an alert when replication lag exceeds 5 minutes'), []);
    assert.deepEqual(vague('Investigate why pg_basebackup hangs without output on db2'), []);
  });
});

describe('timeline and milestone rules', () => {
  const timeline = (entries: string, front = 'timezone: UTC'): string => `---\n${front}\n---\n\n# X\n\n## Timeline\n\n### 2024-03-05\n\n${entries}\n`;

  it('timeline-order flags an entry earlier than the one before', () => {
    const text = timeline('- 14:00 Deploy starts\n- 14:20 Alert fires\n- 14:10 Rollback');
    assert.deepEqual(hits(text, 'timeline-order'), ['14:10']);
  });

  it('timeline-timezone comes from the parser, once', () => {
    const text = `# X\n\n## Timeline\n\n- 2024-03-05 14:00 Deploy starts\n`;
    const { findings, analysis } = lintText(text);
    const parserCount = analysis.problems.filter((p) => p.rule === 'timeline-timezone').length;
    assert.equal(findings.filter((f) => f.rule === 'timeline-timezone').length, parserCount);
    assert.ok(parserCount >= 1);
  });

  it('timeline-gap notes a long unexplained gap before detection', () => {
    const text = timeline('- 09:00 Deploy starts {started}\n- 11:30 Customer reports errors {detected}\n- 11:40 Rollback {mitigated}');
    const gap = lintText(text).findings.filter((f) => f.rule === 'timeline-gap');
    assert.equal(gap.length, 1);
    assert.equal(gap[0].severity, 'information');
    assert.match(gap[0].message, /2 h 30 min/);
    assert.deepEqual(hits(text, 'timeline-gap', { timelineGapMinutes: 240 }), []);
  });

  it('milestone-order flags detected before started', () => {
    const text = timeline('- 10:00 Alert fires {detected}\n- 10:30 Deploy starts {started}');
    assert.equal(hits(text, 'milestone-order').length, 1);
  });
});

describe('missing-section', () => {
  it('reports each required section that is missing, with a fix that adds it', () => {
    const { findings } = lintText('# X\n\n## Summary\n\nText.\n');
    const missing = findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.equal(missing.length, 4);
    assert.ok(missing.some((m) => m.includes('Action items')));
  });
  it('follows requiredSections', () => {
    assert.deepEqual(hits('# X\n\n## Summary\n\nText.\n', 'missing-section', { requiredSections: ['summary'] }), []);
  });
});
