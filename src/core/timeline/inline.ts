/**
 * The little Markdown an entry keeps when shown: emphasis, strong and code spans. Everything else,
 * HTML included, stays literal text; a link keeps its text and drops its target. The result is data
 * that the webview turns into elements with `textContent`, never markup.
 */
export type InlineToken = { kind: 'text' | 'em' | 'strong' | 'code'; text: string };

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~]/;

/** Splits an entry's Markdown into text, emphasis, strong and code tokens (linear in the input). */
export function inlineTokens(markdown: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  const push = (kind: InlineToken['kind'], text: string): void => {
    if (text === '') return;
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  const source = markdown.replace(/\s*\r?\n\s*/g, ' ');
  let i = 0;
  let plain = '';
  const flush = (): void => {
    push('text', plain);
    plain = '';
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\' && ESCAPABLE.test(source[i + 1] ?? '')) {
      plain += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      let ticks = 1;
      while (source[i + ticks] === '`') ticks++;
      const fence = '`'.repeat(ticks);
      const close = source.indexOf(fence, i + ticks);
      if (close > i) {
        flush();
        push('code', source.slice(i + ticks, close).replace(/^ (.+) $/, '$1'));
        i = close + ticks;
        continue;
      }
      plain += fence;
      i += ticks;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const double = source[i + 1] === ch;
      const marker = double ? ch + ch : ch;
      const close = source.indexOf(marker, i + marker.length + 1);
      const inner = close > 0 ? source.slice(i + marker.length, close) : '';
      const wordBoundary = ch === '*' || !/\w/.test(source[i - 1] ?? '');
      if (close > 0 && inner.trim() === inner && wordBoundary && !inner.includes('`')) {
        flush();
        for (const token of inlineTokens(inner)) push(double ? 'strong' : token.kind === 'text' ? 'em' : token.kind, token.text);
        i = close + marker.length;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+"[^"]{0,200}")?\)/.exec(source.slice(i, i + 3000));
      if (link) {
        flush();
        for (const token of inlineTokens(link[1])) push(token.kind, token.text);
        i += link[0].length;
        continue;
      }
    }
    if (ch === '&') {
      const entity = /^&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos|nbsp));/i.exec(source.slice(i, i + 12));
      if (entity) {
        const code = entity[1] ? Number(entity[1]) : entity[2] ? parseInt(entity[2], 16) : null;
        plain += code !== null ? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd') : NAMED_ENTITIES[entity[3].toLowerCase()];
        i += entity[0].length;
        continue;
      }
    }
    if (ch === '<') {
      const autolink = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]{1,2000})>/i.exec(source.slice(i, i + 2100));
      if (autolink) {
        plain += autolink[1];
        i += autolink[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return tokens;
}

/** The text a reader sees, without Markdown markers (for the SVG picture and screen-reader labels). */
export function plainText(markdown: string): string {
  return inlineTokens(markdown)
    .map((token) => token.text)
    .join('');
}
