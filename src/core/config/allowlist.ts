import { parseDocument, isSeq, YAMLSeq } from 'yaml';
import type { ConfigFormat } from './load';

/**
 * A `.postmortemrc` text with `phrase` added to its `allow` list (created when missing), for the
 * "add this phrase to the allowlist" quick fix. YAML keeps its comments and layout (the `yaml`
 * document API); JSON keeps its indentation. Returns the text unchanged when the phrase is already
 * listed, and undefined when the file cannot be edited safely (a syntax error, not a mapping, or an
 * `allow` that is not a list).
 */
export function addToAllowlist(text: string, format: ConfigFormat, phrase: string): string | undefined {
  return format === 'json' ? addToJson(text, phrase) : addToYaml(text, phrase);
}

function listed(values: unknown[], phrase: string): boolean {
  return values.some((value) => typeof value === 'string' && value.trim().toLowerCase() === phrase.trim().toLowerCase());
}

function addToJson(text: string, phrase: string): string | undefined {
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const config = data as Record<string, unknown>;
  const allow = config.allow ?? [];
  if (!Array.isArray(allow)) return undefined;
  if (listed(allow, phrase)) return text;
  config.allow = [...allow, phrase];
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  return JSON.stringify(config, null, indent).replace(/\n/g, newline) + newline;
}

function addToYaml(text: string, phrase: string): string | undefined {
  const document = parseDocument(text);
  if (document.errors.length > 0) return undefined;
  if (document.contents === null) {
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}allow:\n  - ${JSON.stringify(phrase)}\n`;
  }
  const data = document.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const allow = (data as Record<string, unknown>).allow;
  if (allow !== undefined && allow !== null && !Array.isArray(allow)) return undefined;
  if (Array.isArray(allow) && listed(allow, phrase)) return text;
  const node = document.get('allow', true);
  if (isSeq(node)) node.add(phrase);
  else document.set('allow', Object.assign(new YAMLSeq(), { items: [document.createNode(phrase)] }));
  return document.toString();
}
