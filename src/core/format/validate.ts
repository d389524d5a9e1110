import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../parse/line-index';
import { FORMAT_VERSION, type ExchangeFormat, type PostmortemDocument } from './document';
import { schemaErrors } from './errors';
import { findJsonSyntaxError } from './json-syntax';
import { parsePointer } from '../json-pointer';

export interface ValidationError {
  /** JSON pointer of the failing field (`''` for the whole file, e.g. a syntax error). */
  path: string;
  message: string;
  /** 1-based line in the validated text. */
  line: number;
  /** 1-based column in the validated text. */
  column: number;
}

export type ValidationResult =
  | { ok: true; errors: []; document: PostmortemDocument }
  | { ok: false; errors: ValidationError[] };

/** yaml's own default; named here so nobody raises it (it is what stops "billion laughs" files). */
const MAX_ALIAS_COUNT = 100;
/** At most this many syntax errors are reported; later ones usually follow from the first. */
const MAX_SYNTAX_ERRORS = 5;

/**
 * Parses and validates a Postmortem Format file's text. Never throws: a malformed file, an unknown
 * `formatVersion` or a schema violation each come back as errors with the 1-based line and column in
 * this text. JSON syntax is checked strictly by a small scanner that knows where it stopped (JSON.parse
 * does not say, for a trailing comma); the positions of values come from reading the same text with
 * the `yaml` package (JSON is YAML 1.2), whose nodes carry source offsets.
 */
export function validateExchangeText(text: string, format: ExchangeFormat): ValidationResult {
  try {
    return validate(text, format);
  } catch (error) {
    // Only pathological input gets here (e.g. nesting deep enough to exhaust the stack).
    const reason = error instanceof RangeError ? 'it is nested too deeply' : error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: `cannot read this ${format === 'json' ? 'JSON' : 'YAML'}: ${reason}`, line: 1, column: 1 }] };
  }
}

function validate(text: string, format: ExchangeFormat): ValidationResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(source);
  const at = (offset: number, path: string, message: string): ValidationError => {
    const { line, column } = lines.positionAt(offset);
    return { path, message, line, column };
  };
  if (format === 'json') {
    const syntax = findJsonSyntaxError(source);
    if (syntax) return { ok: false, errors: [at(syntax.offset, '', `not valid JSON: ${syntax.message}`)] };
  }
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });

  let value: unknown;
  if (format === 'json') {
    value = JSON.parse(source);
    const duplicate = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
    if (duplicate) return { ok: false, errors: [at(duplicate.pos[0], '', 'duplicate key: each property may appear only once')] };
  } else {
    if (doc.errors.length > 0) {
      const errors = doc.errors
        .slice(0, MAX_SYNTAX_ERRORS)
        .map((e) => at(e.pos[0], '', `not valid YAML: ${yamlErrorText(e.message)}`));
      return { ok: false, errors };
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      return { ok: false, errors: [at(0, '', `cannot read YAML: ${error instanceof Error ? error.message : String(error)}`)] };
    }
  }

  const locate = (path: string, target?: 'key') => at(offsetOf(doc, path, target), path, '');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [{ ...locate(''), message: 'must be an object: a Postmortem Format document' }] };
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (version !== undefined && version !== FORMAT_VERSION) {
    const hint =
      typeof version === 'number' && String(version) === '1'
        ? ` (write it as the string "${FORMAT_VERSION}")`
        : `; this tool reads Postmortem Format ${FORMAT_VERSION}`;
    return { ok: false, errors: [{ ...locate('/formatVersion'), message: `unsupported formatVersion ${JSON.stringify(version)}${hint}` }] };
  }
  const errors = schemaErrors(value).map((e) => ({ ...locate(e.path, e.target), message: e.message }));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, errors: [], document: value as PostmortemDocument };
}

/**
 * Source offset for a JSON pointer: the value's start (or its key's, for errors about the key);
 * for a missing property, its nearest existing ancestor. 0 when nothing can be found.
 */
function offsetOf(doc: Document, pointer: string, target?: 'key'): number {
  let node: unknown = doc.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const segment of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const keyStart = (pair.key as YamlNode).range?.[0];
      const valueStart = (pair.value as YamlNode | null)?.range?.[0];
      offset = (target === 'key' ? keyStart : (valueStart ?? keyStart)) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
      node = node.items[Number(segment)];
      offset = (node as YamlNode | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function yamlErrorText(message: string): string {
  if (/maximum call stack/i.test(message)) return 'it is nested too deeply';
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
}
