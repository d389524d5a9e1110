/** Configuration as the editor and the CLI resolve it: discovery, settings, workspace trust, the manifest, the allowlist fix. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { addToAllowlist } from '../../../src/core/config/allowlist';
import { configFromSettings, DEFAULT_CONFIG, findConfig, parseConfigText, PHRASE_RULE_IDS, resolveConfig, SETTING_KEYS } from '../../../src/core/config';
import { SECTION_KINDS } from '../../../src/core/model/types';
import { ownerCandidates, ownerSnippet } from '../../../src/core/rules/owners';
import { lint, lintText, RULES } from '../../../src/core/rules';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** An in-memory file system for `findConfig`. */
function files(tree: Record<string, string>) {
  const reads: string[] = [];
  return { reads, read: async (file: string) => (reads.push(file), tree[file]) };
}

describe('configuration discovery (shared by the CLI and the extension)', () => {
  it('takes the nearest .postmortemrc, .json before .yaml, and does not merge farther ones', async () => {
    const fs = files({
      '/repo/.postmortemrc.yaml': 'rules:\n  blame: off\n',
      '/repo/docs/.postmortemrc.yml': 'rules:\n  hindsight: error\n',
      '/repo/docs/.postmortemrc.json': '{"rules": {"counterfactual": "error"}}',
    });
    const found = await findConfig('/repo/docs/2024', { read: fs.read, pathApi: path.posix });
    assert.equal(found?.file, '/repo/docs/.postmortemrc.json');
    assert.deepEqual(found?.config, { rules: { counterfactual: 'error' } });
    assert.deepEqual(fs.reads.slice(0, 4), ['/repo/docs/2024/.postmortemrc.json', '/repo/docs/2024/.postmortemrc.yaml', '/repo/docs/2024/.postmortemrc.yml', '/repo/docs/.postmortemrc.json']);
  });

  it('walks up to the file-system root, or stops at the workspace folder', async () => {
    const tree = { '/.postmortemrc.yaml': 'checkQuotes: true\n' };
    assert.equal((await findConfig('/a/b', { read: files(tree).read, pathApi: path.posix }))?.file, '/.postmortemrc.yaml');
    const bounded = files(tree);
    assert.equal(await findConfig('/a/b', { read: bounded.read, pathApi: path.posix, stopAt: '/a/' }), undefined);
    assert.ok(!bounded.reads.some((file) => file.startsWith('/.postmortemrc')), 'nothing above the workspace folder is read');
  });

  it('reports the problems of the file it found', async () => {
    const found = await findConfig('/w', { read: files({ '/w/.postmortemrc.json': '{"rules": {"blame": "loud"}}' }).read, pathApi: path.posix });
    assert.equal(found?.problems[0].path, '/rules/blame');
  });
});

describe('settings → configuration', () => {
  it('maps explicitly set settings; most specific level wins, rules merge per id', () => {
    const { config } = configFromSettings(
      {
        rules: { globalValue: { blame: 'error', hindsight: 'off' }, workspaceValue: { blame: 'information' } },
        allow: { globalValue: ['a'], workspaceFolderValue: ['b'] },
        checkQuotes: { workspaceValue: true },
        requiredSections: {},
      },
      { trusted: true },
    );
    assert.deepEqual(config, { rules: { blame: 'information', hindsight: 'off' }, allow: ['b'], checkQuotes: true });
  });

  it('an empty severity scale keeps its editor meaning (any value)', () => {
    assert.deepEqual(configFromSettings({ severityScale: { globalValue: [] } }, { trusted: true }).config.severityScale, []);
    const text = '---\nseverity: P0\n---\n# X\n';
    assert.equal(analyze(text, { severityScale: [] }).problems.filter((p) => p.rule === 'front-matter-value').length, 0);
  });

  it('drops invalid values (the settings UI validates them too)', () => {
    const { config, problems } = configFromSettings({ rules: { globalValue: { blame: 'loud' } }, requiredSections: { globalValue: ['nope'] } }, { trusted: true });
    assert.deepEqual(config, { rules: {} });
    assert.equal(problems.length, 2);
  });

  it('untrusted workspace: workspace custom patterns are ignored in settings, the user\'s own are kept', () => {
    const extraPhrases = { globalValue: { blame: ['sloppy'] }, workspaceValue: { blame: ['was lazy'] }, workspaceFolderValue: { hindsight: ['plainly'] } };
    const allow = { workspaceValue: ['human error budget'] };
    assert.deepEqual(configFromSettings({ extraPhrases, allow }, { trusted: true }).config.extraPhrases, { blame: ['was lazy'], hindsight: ['plainly'] });
    const untrusted = configFromSettings({ extraPhrases, allow }, { trusted: false }).config;
    assert.deepEqual(untrusted.extraPhrases, { blame: ['sloppy'] });
    assert.deepEqual(untrusted.allow, ['human error budget'], 'the allowlist only narrows the checks: kept');
  });

  it('untrusted workspace: the project file\'s extraPhrases are ignored, the rest applies', () => {
    const file = parseConfigText('{"extraPhrases": {"blame": ["let it slip"]}, "rules": {"hindsight": "off"}}', 'json').config;
    const text = '# X\n\n## Summary\n\nThe operator let it slip. Obviously it broke.\n';
    const trusted = lintText(text, resolveConfig({ file, trusted: true })).findings.map((f) => f.rule);
    const untrusted = lintText(text, resolveConfig({ file, trusted: false })).findings.map((f) => f.rule);
    assert.ok(trusted.includes('blame'));
    assert.ok(!untrusted.includes('blame'));
    assert.ok(!untrusted.includes('hindsight') && !trusted.includes('hindsight'), 'rules from the file still apply');
  });

  it('precedence end to end: a .postmortemrc turning a rule off beats a setting turning it up', () => {
    const settings = configFromSettings({ rules: { globalValue: { 'root-cause': 'error' } } }, { trusted: true }).config;
    const file = parseConfigText('rules:\n  root-cause: off\n', 'yaml').config;
    const text = '# X\n\n## Summary\n\nThe root cause was a full disk.\n';
    assert.equal(lintText(text, resolveConfig({ settings })).findings.find((f) => f.rule === 'root-cause')?.severity, 'error');
    assert.equal(lintText(text, resolveConfig({ settings, file })).findings.find((f) => f.rule === 'root-cause'), undefined);
  });
});

describe('package.json configuration (kept in sync with the core)', () => {
  const properties = manifest.contributes.configuration.properties;

  it('postmortem.rules lists every rule with the severity enum and its default in the description', () => {
    const rules = properties['postmortem.rules'];
    assert.deepEqual(Object.keys(rules.properties), RULES.map((rule) => rule.id));
    for (const rule of RULES) {
      const property = rules.properties[rule.id];
      assert.deepEqual(property.enum, ['error', 'warning', 'information', 'off']);
      assert.ok(property.markdownDescription.includes(rule.description), rule.id);
      assert.ok(property.markdownDescription.includes(`Default: \`${rule.defaultSeverity}\``), rule.id);
    }
    assert.deepEqual(rules.additionalProperties.enum, ['error', 'warning', 'information', 'off']);
  });

  it('every settings key the core reads is contributed, with the core defaults', () => {
    for (const key of SETTING_KEYS) assert.ok(properties[`postmortem.${key}`], key);
    assert.deepEqual(Object.keys(properties['postmortem.extraPhrases'].properties), [...PHRASE_RULE_IDS]);
    assert.deepEqual(properties['postmortem.requiredSections'].default, DEFAULT_CONFIG.requiredSections);
    assert.deepEqual(properties['postmortem.requiredSections'].items.enum, [...SECTION_KINDS]);
    assert.equal(properties['postmortem.checkQuotes'].default, DEFAULT_CONFIG.checkQuotes);
    assert.deepEqual(properties['postmortem.lint.run'].enum, ['onType', 'onSave']);
  });

  it('workspace trust: limited, with custom patterns restricted', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.restrictedConfigurations.includes('postmortem.extraPhrases'));
    assert.match(trust.description, /extraPhrases/);
  });

  it('validates .postmortemrc.json and .yaml with the configuration schema', () => {
    const json = manifest.contributes.jsonValidation.find((v: { fileMatch: string }) => v.fileMatch === '.postmortemrc.json');
    assert.equal(json?.url, './schemas/postmortemrc.schema.json');
    const yaml = manifest.contributes.yamlValidation.find((v: { fileMatch: string[] }) => [v.fileMatch].flat().includes('.postmortemrc.yaml'));
    assert.equal(yaml?.url, './schemas/postmortemrc.schema.json');
  });

  it('ships the rule docs the diagnostics link to', () => {
    const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    assert.ok(ignore.split(/\r?\n/).includes('!docs/rules/**'));
  });
});

describe('suppression snippets', () => {
  const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets/postmortem.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const expand = (body: string[]) => body.join('\n').replace(/\$\{1\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{1\}/g, 'blame').replace(/\$0/g, '');

  it('each inline control snippet silences the rule it names', () => {
    const sentence = 'The tired admin ran it.';
    const base = `# X\n\n## Summary\n\n`;
    const cases: Record<string, (comment: string) => string> = {
      'postmortem-disable-next-line': (c) => `${base}${c.trim()}\n${sentence}\n`,
      'postmortem-disable-line': (c) => `${base}${sentence} ${c.trim()}\n`,
      'postmortem-disable': (c) => c.replace('\n\n', `\n\n${sentence}\n\n`).replace(/^/, base),
      'postmortem-disable-file': (c) => `${base}${c.trim()}\n\n${sentence}\n`,
    };
    const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
    for (const [prefix, place] of Object.entries(cases)) {
      const snippet = byPrefix.get(prefix);
      assert.ok(snippet, prefix);
      const comment = expand(snippet.body).replace('counterfactual', 'blame');
      const text = place(comment);
      assert.equal(lint(analyze(text)).filter((f) => f.rule === 'blame').length, 0, `${prefix}:\n${text}`);
      assert.equal(lint(analyze(`${base}${sentence}\n`)).filter((f) => f.rule === 'blame').length, 1);
    }
  });
});

describe('quick-fix helpers', () => {
  it('adds a phrase to the allowlist of a JSON or YAML project file, keeping YAML comments', () => {
    assert.equal(addToAllowlist('{\n  "rules": {}\n}\n', 'json', 'failed over'), '{\n  "rules": {},\n  "allow": [\n    "failed over"\n  ]\n}\n');
    assert.equal(addToAllowlist('# ours\nallow:\n  - a # why\n', 'yaml', 'b'), '# ours\nallow:\n  - a # why\n  - b\n');
    assert.equal(addToAllowlist('{"allow": ["B"]}', 'json', 'b'), '{"allow": ["B"]}', 'already listed: unchanged');
    assert.equal(addToAllowlist('{"allow": ', 'json', 'b'), undefined, 'a broken file is not rewritten');
    assert.equal(addToAllowlist('allow: yes\n', 'yaml', 'b'), undefined);
    const added = addToAllowlist('', 'yaml', 'human error budget')!;
    assert.deepEqual(parseConfigText(added, 'yaml').config, { allow: ['human error budget'] });
  });

  it('owner candidates: participants first, then owners and @handles used, each once, no e-mail domains', () => {
    const text = '---\nparticipants:\n  - name: Dana Okafor\n    handle: dana\n  - name: Sam Lee\n---\n# X\n\n## Summary\n\n@ravi paged @dana; mail ops@example.com.\n\n## Action items\n\n- [ ] Add a canary — owner: @kim\n- [ ] Add an alert\n';
    const candidates = ownerCandidates(analyze(text));
    assert.deepEqual(candidates.map((c) => c.value), ['@dana', 'Sam Lee', '@kim', '@ravi']);
    assert.equal(ownerSnippet(candidates), ' — owner: ${1|@dana,Sam Lee,@kim,@ravi|}');
    assert.equal(ownerSnippet([]), ' — owner: ${1:@TBD}');
  });
});
