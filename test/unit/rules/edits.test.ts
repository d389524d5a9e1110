import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { applyEdits, disableFileEdit, disableLineEdit, fixAllText, lint, lintText } from '../../../src/core/rules';
import { mergeConfig } from '../../../src/core/config';

describe('quick-fix edits', () => {
  const text = '---\ntitle: X\n---\n\n# X\n\n## Summary\n\nWe should have rolled back.\nThe tired admin ran it.\n';

  it('"disable for this line" silences that rule on that line only', () => {
    const analysis = analyze(text);
    const finding = lint(analysis).find((f) => f.rule === 'counterfactual')!;
    const edited = applyEdits(text, [disableLineEdit(analysis, finding)]);
    assert.match(edited, /We should have rolled back\. <!-- postmortem-disable-line counterfactual -->\n/);
    const after = lint(analyze(edited));
    assert.equal(after.filter((f) => f.rule === 'counterfactual').length, 0);
    assert.equal(after.filter((f) => f.rule === 'blame').length, 1);
  });

  it('"disable this rule in this file" goes after the front matter', () => {
    const analysis = analyze(text);
    const edited = applyEdits(text, [disableFileEdit(analysis, 'blame')]);
    assert.ok(edited.startsWith('---\ntitle: X\n---\n\n<!-- postmortem-disable-file blame -->\n'));
    assert.equal(lint(analyze(edited)).filter((f) => f.rule === 'blame').length, 0);
    assert.equal(analyze(edited).model.metadata.title, 'X');
  });

  it('"add to allowlist" has the phrase to add', () => {
    const { findings } = lintText(text);
    const phrase = findings.find((f) => f.rule === 'blame')!.phrase!;
    assert.equal(phrase, 'tired admin');
    assert.equal(lintText(text, mergeConfig({ allow: [phrase] })).findings.filter((f) => f.rule === 'blame').length, 0);
  });

  it('fixAllText reaches a fixed point', () => {
    const doc = '# X\n\n## Summary\n\nObviously, the root cause was a deploy.\n\n## Action items\n\n- Add an alert\n';
    const once = fixAllText(doc);
    assert.equal(fixAllText(once), once);
    assert.match(once, /A contributing factor was a deploy\./);
  });
});
