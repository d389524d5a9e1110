import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { applyFixes, extractProse, fixAll, lint, RULES, ruleDocsUrl } from '../../../src/core/rules';
import { mergeConfig } from '../../../src/core/config';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { hits, lintText } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('registry', () => {
  it('has unique ids, a category, a default severity and a docs page for every rule', () => {
    const ids = RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.ok(['blameless', 'remediation', 'timeline', 'structure'].includes(rule.category), rule.id);
      assert.ok(['error', 'warning', 'information', 'off'].includes(rule.defaultSeverity), rule.id);
      assert.equal(rule.docsUrl, `docs/rules/${rule.id}.md`);
      assert.ok(existsSync(path.join(ROOT, rule.docsUrl)), `missing ${rule.docsUrl}`);
    }
  });
  it('builds absolute docs URLs from a base', () => {
    assert.equal(ruleDocsUrl('blame', 'https://github.com/o/r/blob/main'), 'https://github.com/o/r/blob/main/docs/rules/blame.md');
    assert.equal(ruleDocsUrl('front-matter-syntax'), 'docs/rules/README.md#front-matter-syntax');
  });
});

describe('prose extraction', () => {
  it('keeps offsets, blanks code, URLs, HTML and quotations, and knows the section', () => {
    const text = '# T\n\n## Action items\n\n- Fix `should have` in [docs](https://x.io/failed-to) <!-- c --> "said so"\n';
    const analysis = analyze(text);
    const runs = extractProse(analysis, { checkQuotes: false, forwardLookingSections: ['action-items'] });
    const item = runs.find((run) => run.text.includes('Fix'))!;
    assert.equal(item.section, 'action-items');
    assert.equal(item.forwardLooking, true);
    assert.equal(text.slice(item.start, item.start + 3), 'Fix');
    assert.ok(!item.text.includes('should'));
    assert.ok(!item.text.includes('failed'));
    assert.ok(item.text.includes('docs'));
    assert.ok(!item.text.includes('said'));
    assert.equal(item.text.length, text.slice(item.start).indexOf('\n'));
  });
});

describe('suppression comments', () => {
  const body = (lines: string): string => `# X\n\n## Summary\n\n${lines}\n`;
  it('disable-next-line (one rule, or all)', () => {
    assert.deepEqual(hits(body('<!-- postmortem-disable-next-line counterfactual -->\nWe should have rolled back.'), 'counterfactual'), []);
    assert.deepEqual(hits(body('<!-- postmortem-disable-next-line -->\nWe should have rolled back.'), 'counterfactual'), []);
    assert.deepEqual(hits(body('<!-- postmortem-disable-next-line blame -->\nWe should have rolled back.'), 'counterfactual'), ['should have']);
  });
  it('disable-line', () => {
    assert.deepEqual(hits(body('We should have rolled back. <!-- postmortem-disable-line counterfactual -->'), 'counterfactual'), []);
  });
  it('disable … enable ranges', () => {
    const text = body('<!-- postmortem-disable counterfactual, blame -->\n\nWe should have rolled back.\n\n<!-- postmortem-enable counterfactual -->\n\nWe failed to notice. A careless change.');
    assert.deepEqual(hits(text, 'counterfactual'), ['failed to']);
    assert.deepEqual(hits(text, 'blame'), []);
  });
  it('disable-file, anywhere in the file', () => {
    assert.deepEqual(hits(body('We should have rolled back.\n\n<!-- postmortem-disable-file counterfactual -->'), 'counterfactual'), []);
  });
  it('ignores comments inside code blocks', () => {
    assert.deepEqual(hits(body('```\n<!-- postmortem-disable-file -->\n```\n\nWe should have rolled back.'), 'counterfactual'), ['should have']);
  });
  it('suppress parser problems too', () => {
    const text = '<!-- postmortem-disable-file timeline-timezone -->\n# X\n\n## Timeline\n\n- 2024-03-05 14:00 Deploy\n';
    assert.deepEqual(hits(text, 'timeline-timezone'), []);
  });
});

describe('configuration in lint', () => {
  it('changes severities and turns rules off (lint rules and parser problems alike)', () => {
    const text = '# X\n\n## Summary\n\nWe should have rolled back.\n\n## Timeline\n\n- 2024-03-05 14:00 Deploy\n';
    const errors = lintText(text, { rules: { counterfactual: 'error', 'timeline-timezone': 'off' } }).findings;
    assert.equal(errors.find((f) => f.rule === 'counterfactual')?.severity, 'error');
    assert.equal(errors.filter((f) => f.rule === 'timeline-timezone').length, 0);
  });
  it('skips allowlisted phrases', () => {
    const text = '# X\n\n## Summary\n\nWe failed to reproduce the bug. We failed to notice the alert.\n';
    assert.deepEqual(hits(text, 'counterfactual', { allow: ['failed to reproduce'] }), ['failed to']);
    assert.equal(lintText(text, { allow: ['failed to reproduce'] }).findings.find((f) => f.rule === 'counterfactual')?.range.start.column, 36);
  });
  it('carries the phrase for "add to allowlist"', () => {
    const finding = lintText('# X\n\n## Summary\n\nWe  should\nhave rolled back.\n').findings.find((f) => f.rule === 'counterfactual');
    assert.equal(finding?.phrase, 'should have');
  });
});

describe('fixes', () => {
  const text = [
    '# Outage',
    '',
    '## Summary',
    '',
    'Obviously, the root cause was a bad deploy. The limit was obviously too low.',
    '',
    '## Action items',
    '',
    '- Add an alert on lag',
    '',
  ].join('\n');

  const relint = (t: string) => lint(analyze(t), mergeConfig({}));

  it('produces structured, mechanical fixes', () => {
    const findings = relint(text);
    const onePass = applyFixes(text, findings);
    // One pass applies what does not overlap: "Obviously, t" → "T" wins over "the root cause".
    assert.match(onePass, /The root cause was a bad deploy\. The limit was too low\./);
    const fixed = fixAll(text, relint);
    assert.match(fixed, /A contributing factor was a bad deploy\. The limit was too low\./);
    assert.match(fixed, /- Add an alert on lag — owner: @TBD/);
    assert.match(fixed, /## Impact\n\n## Timeline\n\n## Contributing factors\n\n$/);
    for (const finding of findings.filter((f) => f.fix)) assert.equal(text.slice(finding.fix!.range.start.offset, finding.fix!.range.end.offset), finding.fix!.original);
  });

  it('fix-all is idempotent: a second run changes nothing', () => {
    const once = fixAll(text, relint);
    assert.equal(fixAll(once, relint), once);
    assert.equal(applyFixes(once, relint(once)), once);
  });

  it('refuses stale and overlapping fixes', () => {
    const findings = lint(analyze(text));
    const edited = text.replace('Obviously', 'Plainly!!!');
    const result = applyFixes(edited, findings);
    assert.ok(result.includes('Plainly!!!'));
    const overlapping = findings.filter((f) => f.fix).slice(0, 1);
    assert.equal(applyFixes(text, [...overlapping, ...overlapping]), applyFixes(text, overlapping));
  });

  it('keeps CRLF line endings when adding sections', () => {
    const crlf = '# X\r\n\r\n## Summary\r\n\r\nText.\r\n';
    const fixed = applyFixes(crlf, lint(analyze(crlf)));
    assert.ok(!/[^\r]\n/.test(fixed));
  });
});
