import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_KEYS, DEFAULT_CONFIG, mergeConfig, parseConfigText, resolveConfig, PHRASE_RULE_IDS } from '../../../src/core/config';
import { RULES } from '../../../src/core/rules';

const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'postmortemrc.schema.json'), 'utf8'));

describe('configuration', () => {
  it('defaults: every rule at its default severity', () => {
    assert.deepEqual(DEFAULT_CONFIG.rules, {});
    assert.equal(DEFAULT_CONFIG.checkQuotes, false);
    assert.deepEqual(DEFAULT_CONFIG.forwardLookingSections, ['action-items']);
  });

  it('precedence: defaults < settings < .postmortemrc', () => {
    const config = resolveConfig({
      settings: { rules: { blame: 'error', hindsight: 'off' }, checkQuotes: true, allow: ['human error budget'] },
      file: { rules: { blame: 'information' }, allow: ['failed to reproduce'], timelineGapMinutes: 90 },
    });
    assert.equal(config.rules.blame, 'information'); // the file wins for what it says
    assert.equal(config.rules.hindsight, 'off'); // settings fill in the rest
    assert.equal(config.checkQuotes, true);
    assert.equal(config.timelineGapMinutes, 90);
    assert.deepEqual(config.allow, ['human error budget', 'failed to reproduce']); // additive
  });

  it('merging does not change the defaults', () => {
    const merged = mergeConfig({ requiredSections: ['summary'], allow: ['x'] });
    merged.allow.push('y');
    assert.deepEqual(DEFAULT_CONFIG.allow, []);
    assert.equal(DEFAULT_CONFIG.requiredSections.length, 5);
  });

  it('reads JSON and YAML and reports problems without throwing', () => {
    const yaml = parseConfigText('rules:\n  blame: error\n  counterfactual: loud\nallow: [failed to reproduce]\nbogus: 1\n', 'yaml');
    assert.deepEqual(yaml.config, { rules: { blame: 'error' }, allow: ['failed to reproduce'] });
    assert.deepEqual(yaml.problems.map((p) => p.path), ['/rules/counterfactual', '/bogus']);
    const json = parseConfigText('{"requiredSections": ["summary", "nope"], "checkQuotes": "yes"}', 'json');
    assert.deepEqual(json.config, {});
    assert.equal(json.problems.length, 2);
    const broken = parseConfigText('{"rules": ', 'json');
    assert.equal(broken.problems[0].severity, 'error');
    assert.deepEqual(parseConfigText('', 'yaml'), { config: {}, problems: [] });
  });

  it('warns about unknown rule ids but accepts parser problem ids', () => {
    const { config, problems } = parseConfigText('{"rules": {"blam": "off", "front-matter-unknown-key": "off"}}', 'json');
    assert.deepEqual(config.rules, { blam: 'off', 'front-matter-unknown-key': 'off' });
    assert.deepEqual(problems.map((p) => [p.path, p.severity]), [['/rules/blam', 'warning']]);
  });

  it('the JSON Schema and the validator agree', () => {
    assert.deepEqual(Object.keys(schema.properties).filter((key) => key !== '$schema').sort(), [...CONFIG_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((rule) => rule.id).sort());
    assert.deepEqual(Object.keys(schema.properties.extraPhrases.properties).sort(), [...PHRASE_RULE_IDS].sort());
    assert.deepEqual(schema.properties.requiredSections.default, DEFAULT_CONFIG.requiredSections);
    assert.equal(schema.properties.timelineGapMinutes.default, DEFAULT_CONFIG.timelineGapMinutes);
  });
});
