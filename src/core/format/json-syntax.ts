/**
 * Finds the first syntax error in JSON text, with its offset: `JSON.parse` names no position for some
 * of the commonest mistakes (a trailing comma, a bare word), so the validator asks this scanner where
 * the text goes wrong. Strict RFC 8259; iterative, so deep nesting cannot overflow the stack.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const WORD = /[^\s,:[\]{}"]+/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  /** Open containers: '{' or '['. */
  const stack: string[] = [];
  /** True right after a container was opened (so no comma is due). */
  let opened = false;
  const fail = (message: string, offset = i): JsonSyntaxError => ({ offset, message });
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const describeHere = () => {
    if (i >= text.length) return 'the end of the file';
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0];
    return word ? `"${word.length > 20 ? `${word.slice(0, 20)}…` : word}"` : `"${text[i]}"`;
  };

  /** Scans a string starting at the quote at `i`; returns an error or null. */
  const scanString = (): JsonSyntaxError | null => {
    const start = i;
    i++;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return null;
      }
      if (code < 0x20) return fail(code === 0x0a ? 'unterminated string (a line break must be written \\n)' : 'control character in a string: escape it');
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('invalid \\u escape: it needs four hex digits');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return fail(`invalid escape \\${next ?? ''}`);
        i += 2;
        continue;
      }
      i++;
    }
    return fail('unterminated string', start);
  };

  /** Scans one scalar or opens a container; returns an error or null. */
  const scanValue = (): JsonSyntaxError | null => {
    skipSpace();
    const ch = text[i];
    opened = ch === '{' || ch === '[';
    if (opened) {
      stack.push(ch);
      i++;
      return null;
    }
    if (ch === '"') return scanString();
    NUMBER.lastIndex = i;
    LITERAL.lastIndex = i;
    const match = (ch === '-' || (ch >= '0' && ch <= '9') ? NUMBER : LITERAL).exec(text);
    if (match && !/[\w.+-]/.test(text[i + match[0].length] ?? '')) {
      i += match[0].length;
      return null;
    }
    return fail(`expected a value (a "string", number, true, false, null, {…} or […]), found ${describeHere()}`);
  };

  let error = scanValue();
  while (!error) {
    skipSpace();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      return i < text.length ? fail(`unexpected ${describeHere()} after the end of the document`) : null;
    }
    const close = top === '{' ? '}' : ']';
    if (text[i] === close) {
      stack.pop();
      i++;
      opened = false;
      continue;
    }
    if (!opened) {
      if (text[i] !== ',') return fail(`expected "," or "${close}", found ${describeHere()}`);
      const comma = i;
      i++;
      skipSpace();
      if (text[i] === close) return fail(`trailing comma before "${close}"`, comma);
    }
    if (top === '{') {
      skipSpace();
      if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${describeHere()}`);
      error = scanString();
      if (error) break;
      skipSpace();
      if (text[i] !== ':') return fail(`expected ":" after the property name, found ${describeHere()}`);
      i++;
    }
    error = scanValue();
  }
  return error;
}
