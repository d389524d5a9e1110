// Checks the language contributions in package.json against the files they name and the code that
// implements them, and that the snippets produce postmortems the core reads without errors.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { SECTION_KINDS } from '../../src/core/model/types';
import sectionNames from '../../src/core/model/section-names.json';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const snippets: Record<string, { prefix: string; body: string[]; description: string }> = JSON.parse(
  readFileSync(path.join(ROOT, 'snippets', 'postmortem.json'), 'utf8'),
);

function extensionSource(): string {
  const dir = path.join(ROOT, 'src', 'extension');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

/** Expands a snippet body as VS Code would, with a fixed clock: variables, choices, defaults. */
function expand(body: string[]): string {
  const variables: Record<string, string> = {
    CURRENT_YEAR: '2024',
    CURRENT_MONTH: '03',
    CURRENT_DATE: '05',
    CURRENT_HOUR: '14',
    CURRENT_MINUTE: '02',
    CURRENT_TIMEZONE_OFFSET: '+01:00',
  };
  let text = body.join('\n');
  const values = new Map<string, string>();
  for (let pass = 0; pass < 5; pass++) {
    text = text
      .replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)/g, (_, a: string | undefined, b: string | undefined) => variables[(a ?? b)!] ?? `<${a ?? b}>`)
      .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g, (_, n: string, first: string) => (values.set(n, first), first))
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => (values.set(n, value), value));
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => values.get((a ?? b)!) ?? '');
}

describe('grammar: manifest', function () {
  it('contributes the postmortem language with its grammar, configuration and snippets', function () {
    const language = contributes.languages.find((l: { id: string }) => l.id === 'postmortem');
    assert.deepEqual(language.extensions, ['.postmortem.md']);
    assert.equal(language.aliases[0], 'Postmortem');
    const grammar = contributes.grammars.find((g: { language: string }) => g.language === 'postmortem');
    assert.equal(grammar.scopeName, 'text.postmortem');
    assert.equal(grammar.embeddedLanguages['meta.embedded.block.frontmatter'], 'yaml');
    const grammarFile = JSON.parse(readFileSync(path.join(ROOT, grammar.path), 'utf8'));
    assert.equal(grammarFile.scopeName, 'text.postmortem');
    assert.deepEqual(grammarFile.patterns, [{ include: 'text.html.markdown' }]);
    for (const file of [language.configuration, grammar.path, language.icon.light, language.icon.dark, ...contributes.snippets.map((s: { path: string }) => s.path)]) {
      assert.ok(existsSync(path.join(ROOT, file)), file);
      assert.ok(/^\.\/(syntaxes|snippets|media)\//.test(file), `${file} is not in a packaged folder (.vscodeignore)`);
    }
    JSON.parse(readFileSync(path.join(ROOT, language.configuration), 'utf8'));
  });

  it('activates lazily', function () {
    const events: string[] = manifest.activationEvents;
    assert.ok(events.includes('onLanguage:postmortem'));
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
  });

  it('gives every command the Postmortem category, a palette rule and an implementation', function () {
    const source = extensionSource();
    const palette = new Map<string, string>(contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    for (const command of contributes.commands) {
      assert.ok(command.command.startsWith('postmortem.'), command.command);
      assert.equal(command.category, 'Postmortem', command.command);
      if (command.icon) assert.match(command.icon, /^\$\([a-z-]+\)$/);
      if (command.command !== 'postmortem.newPostmortem') assert.ok(palette.has(command.command), `${command.command} has no when clause`);
      assert.ok(source.includes(`'${command.command}'`), `${command.command} is not registered in src/extension`);
    }
    const ids = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const items of Object.values(contributes.menus) as Array<Array<{ command: string; alt?: string }>>) {
      for (const item of items) {
        assert.ok(ids.has(item.command), item.command);
        if (item.alt) assert.ok(ids.has(item.alt), item.alt);
      }
    }
    assert.equal(palette.get('postmortem.useForFile'), 'editorLangId == markdown');
  });

  it('declares the settings with defaults and Markdown descriptions', function () {
    const properties = contributes.configuration.properties;
    assert.deepEqual(properties['postmortem.severityScale'].default, ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
    assert.equal(properties['postmortem.export.folder'].default, '');
    for (const [key, value] of Object.entries(properties) as Array<[string, { markdownDescription?: string }]>) {
      assert.ok(key.startsWith('postmortem.'), key);
      assert.ok(value.markdownDescription, `${key} has no markdownDescription`);
    }
  });

  it('contributes the exchange schema for JSON and YAML files', function () {
    assert.deepEqual(contributes.jsonValidation[0], { fileMatch: '*.postmortem.json', url: './schemas/postmortem-1.0.schema.json' });
    assert.ok(contributes.yamlValidation[0].fileMatch.includes('*.postmortem.yaml'));
    assert.ok(existsSync(path.join(ROOT, 'schemas', 'postmortem-1.0.schema.json')));
  });

  it('declares limited untrusted-workspace support and virtual-workspace support', function () {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.description);
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('postmortem.export.folder'));
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('packages what the extension uses at run time, and no sources', function () {
    this.timeout(60000);
    // `vsce ls` lists exactly what `vsce package` puts in the .vsix (test:unit builds dist/ and media/dist/ first).
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const referenced = [
      manifest.main,
      ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      ...manifest.contributes.jsonValidation.map((v: { url: string }) => v.url),
    ].map((file: string) => path.posix.normalize(file));
    for (const file of referenced) assert.ok(files.includes(file), `${file} is referenced by package.json but not packaged`);
    for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'media/dist/timeline.js', 'media/dist/timeline.css']) assert.ok(files.includes(file), file);
    const stray = files.filter((file) => /^(src|test|scripts|bench|examples|node_modules|media\/timeline)\/|\.map$|\.ts$|\.png$/.test(file));
    assert.deepEqual(stray, []);
  });
});

/** One snippet per section, named by the section kind the parser gives it. */
const SECTION_PREFIXES = SECTION_KINDS.filter((kind) => kind !== 'other');

describe('grammar: snippets', function () {
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

  it('has the template, one snippet per section, a timeline entry and an action item', function () {
    for (const prefix of ['postmortem', ...SECTION_PREFIXES, 'timeline-entry', 'action-item']) {
      assert.ok(byPrefix.has(prefix), prefix);
      assert.ok(byPrefix.get(prefix)!.description, prefix);
    }
  });

  it('names each section with a heading the parser knows', function () {
    const known = new Map<string, string>();
    for (const [kind, names] of Object.entries(sectionNames)) if (Array.isArray(names)) for (const name of names) known.set(name, kind);
    for (const prefix of SECTION_PREFIXES) {
      const heading = byPrefix.get(prefix)!.body[0];
      assert.match(heading, /^## /);
      assert.equal(known.get(heading.slice(3).toLowerCase()), prefix, heading);
    }
  });

  it('expands the template into a postmortem the core reads without errors', function () {
    const analysis = analyze(expand(byPrefix.get('postmortem')!.body));
    const errors = analysis.problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => `${p.rule}: ${p.message}`), []);
    const { model } = analysis;
    assert.equal(model.metadata.status, 'draft');
    assert.equal(model.metadata.severity, 'SEV1');
    assert.deepEqual(
      model.sections.map((s) => s.kind),
      SECTION_PREFIXES,
    );
    assert.equal(model.timeline.length, 1);
    // 14:02 at +01:00 on 2024-03-05 is 13:02 UTC, whatever the document's timezone.
    assert.equal(model.timeline[0].at, '2024-03-05T13:02:00Z');
    assert.deepEqual(model.timeline[0].milestones, ['started']);
    assert.equal(model.actionItems.length, 1);
    assert.equal(model.actionItems[0].owner, '@handle');
    assert.equal(model.actionItems[0].ticket?.key, 'OPS-123');
  });

  it('writes a timeline entry that carries its offset, so local snippet time is exact', function () {
    const doc = ['---', 'timezone: America/New_York', '---', '', '## Timeline', '', '### 2024-03-05', '', expand(byPrefix.get('timeline-entry')!.body)].join('\n');
    const entry = analyze(doc).model.timeline[0];
    assert.equal(entry.timeText, '14:02 +01:00');
    assert.equal(entry.at, '2024-03-05T13:02:00Z');
    assert.equal(entry.zoneOrigin, 'explicit');
  });

  it('writes an action item the core reads with owner and ticket', function () {
    const doc = ['## Action items', '', expand(byPrefix.get('action-item')!.body).replace('YYYY-MM-DD', '2024-04-01')].join('\n');
    const [item] = analyze(doc).model.actionItems;
    assert.equal(item.owner, '@handle');
    assert.equal(item.due, '2024-04-01');
    assert.equal(item.ticket?.key, 'OPS-123');
    assert.equal(item.status, 'open');
  });
});
