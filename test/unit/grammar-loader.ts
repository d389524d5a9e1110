// Loads the postmortem TextMate grammar with the real engine (vscode-textmate + vscode-oniguruma), for the
// grammar tests and the grammar benchmark. VS Code's Markdown grammar is not available in plain Node, so a small
// stand-in with the same scope names and the same anchoring (list items as begin/while rules whose paragraph
// starts at \G) plays `text.html.markdown`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const GRAMMAR_PATH = path.resolve(__dirname, '..', '..', 'syntaxes', 'postmortem.tmLanguage.json');

/** A minimal Markdown grammar: the rules of VS Code's markdown.tmLanguage that matter here, same scope names. */
const markdownStandIn = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }, { include: '#block' }],
  repository: {
    frontMatter: {
      begin: '\\A-{3}\\s*$',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [{ include: 'source.yaml' }],
      end: '(^|\\G)-{3}|\\.{3}\\s*$',
    },
    block: {
      patterns: [
        { include: '#heading' },
        { include: '#lists' },
        { include: '#fenced_code_block' },
        { include: '#table' },
        { include: '#html' },
        { include: '#paragraph' },
      ],
    },
    heading: {
      match: '(?:^|\\G)[ ]{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$',
      name: 'markup.heading.markdown',
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    lists: {
      patterns: [
        {
          begin: '(^|\\G)([ ]{0,3})([*+-])([ \\t])',
          beginCaptures: { 3: { name: 'punctuation.definition.list.begin.markdown' } },
          name: 'markup.list.unnumbered.markdown',
          patterns: [{ include: '#block' }],
          while: '((^|\\G)([ ]{2,4}|\\t))|(^[ \\t]*$)',
        },
        {
          begin: '(^|\\G)([ ]{0,3})([0-9]+[\\.\\)])([ \\t])',
          beginCaptures: { 3: { name: 'punctuation.definition.list.begin.markdown' } },
          name: 'markup.list.numbered.markdown',
          patterns: [{ include: '#block' }],
          while: '((^|\\G)([ ]{2,4}|\\t))|(^[ \\t]*$)',
        },
      ],
    },
    fenced_code_block: {
      begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(?=([^`]*)?$)',
      end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    table: {
      begin: '(^|\\G)[ ]{0,3}(?=\\|)',
      while: '(^|\\G)[ ]{0,3}(?=\\|)',
      name: 'markup.table.markdown',
      patterns: [{ match: '\\|', name: 'punctuation.definition.table.markdown' }, { include: '#inline' }],
    },
    html: {
      begin: '(^|\\G)\\s*(<!--)',
      end: '(-->)',
      name: 'comment.block.html',
    },
    paragraph: {
      begin: '(^|\\G)[ ]{0,3}(?=\\S)',
      name: 'meta.paragraph.markdown',
      patterns: [{ include: '#inline' }],
      while: '(^|\\G)((?=\\s*[-=]{3,}\\s*$)|[ ]{4,}(?=\\S))',
    },
    inline: {
      patterns: [
        { match: '(`+)((?:[^`]|(?!(?<!`)\\1(?!`))`)*+)(\\1)', name: 'markup.inline.raw.string.markdown' },
        {
          match: '(\\[)([^\\]]*)(\\])(\\()([^)\\s]*)(\\))',
          name: 'meta.link.inline.markdown',
          captures: { 2: { name: 'string.other.link.title.markdown' }, 5: { name: 'markup.underline.link.markdown' } },
        },
        { match: '(\\[)([^\\]]*)(\\])', name: 'meta.link.reference.markdown' },
        { match: '(\\*\\*)(?=\\S)(.+?)(?<=\\S)(\\*\\*)', name: 'markup.bold.markdown' },
      ],
    },
  },
};

/** Enough YAML to see keys and plain values as VS Code's YAML grammar would scope them. */
const yamlStandIn = {
  scopeName: 'source.yaml',
  patterns: [
    { match: '#.*$', name: 'comment.line.number-sign.yaml' },
    { match: '^([ ]*)([\\w-]+)(:)', captures: { 2: { name: 'entity.name.tag.yaml' }, 3: { name: 'punctuation.separator.key-value.mapping.yaml' } } },
    { match: '[^\\s#][^#]*', name: 'string.unquoted.plain.out.yaml' },
  ],
};

export async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.postmortem') return vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
      if (scopeName === 'text.html.markdown') return markdownStandIn as unknown as vsctm.IRawGrammar;
      if (scopeName === 'source.yaml') return yamlStandIn as unknown as vsctm.IRawGrammar;
      return null;
    },
  });
  const loaded = await registry.loadGrammar('text.postmortem');
  if (!loaded) throw new Error('text.postmortem did not load');
  return loaded;
}
