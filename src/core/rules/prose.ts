import type { Nodes, Parents } from 'mdast';
import type { Analysis } from '../analyze';
import type { SectionKind } from '../model/types';

/**
 * A run of prose: the text of one paragraph, heading or table cell, exactly as long as its source
 * range, with everything that is not the author's prose blanked to spaces (code spans, link URLs and
 * Markdown syntax, inline HTML, images and, unless configured, quoted speech). Offsets therefore map
 * one to one: `start + i` in the document is `text[i]`.
 */
export interface ProseRun {
  start: number;
  text: string;
  /** The H1/H2 section the run is in; `other` outside any known section. */
  section: SectionKind;
  /** In a forward-looking section (action items, by default) or inside an action item. */
  forwardLooking: boolean;
}

export interface ProseOptions {
  /** Keep blockquotes and text in quotation marks (default: skip them). */
  checkQuotes: boolean;
  forwardLookingSections: readonly SectionKind[];
}

/** Node types whose content is never prose. */
const SKIPPED = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'image', 'imageReference', 'definition', 'math', 'inlineMath']);
/** Node types that make one run each. */
const RUN_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

/** Extracts the prose runs of a document, in document order. Linear in the size of the tree. */
export function extractProse(analysis: Analysis, options: ProseOptions): ProseRun[] {
  const { text, model } = analysis;
  const runs: ProseRun[] = [];
  const frontMatterEnd = frontMatterLength(text);
  const forwardRanges = model.actionItems.map((item) => [item.range.start.offset, item.range.end.offset] as const).sort((a, b) => a[0] - b[0]);
  /** Inside an action item? Binary search: documents with thousands of items stay linear-ish. */
  const inActionItem = (offset: number): boolean => {
    let low = 0;
    let high = forwardRanges.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (forwardRanges[mid][0] <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && offset < forwardRanges[found][1];
  };
  const sections = model.sections.map((section) => ({ kind: section.kind, start: section.range.start.offset, end: section.range.end.offset }));

  const sectionAt = (offset: number): SectionKind => {
    let kind: SectionKind = 'other';
    for (const section of sections) if (section.start <= offset && offset <= section.end) kind = section.kind;
    return kind;
  };

  const visit = (node: Nodes, chars: string[] | null, base: number): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'blockquote' && !options.checkQuotes) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (RUN_TYPES.has(node.type) && chars === null) {
      if (start < frontMatterEnd) return;
      const own = new Array<string>(end - start).fill(' ');
      for (const child of (node as Parents).children) visit(child, own, start);
      let runText = own.join('');
      if (!options.checkQuotes) runText = blankQuotations(runText);
      if (/\S/.test(runText)) {
        const section = sectionAt(start);
        const forwardLooking = options.forwardLookingSections.includes(section) || inActionItem(start);
        runs.push({ start, text: runText, section, forwardLooking });
      }
      return;
    }
    if (node.type === 'text' && chars) {
      for (let i = start; i < end; i++) chars[i - base] = text[i];
      return;
    }
    if (node.type === 'break' && chars) return;
    if ((node.type === 'link' || node.type === 'linkReference') && chars && isAutolink(node, text)) return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes, chars, base);
  };
  visit(analysis.tree, null, 0);
  return runs;
}

/** A link whose visible text is its own URL (`<https://…>`, a bare GFM autolink): not prose. */
function isAutolink(node: Nodes, text: string): boolean {
  if (node.type !== 'link') return false;
  const [only] = node.children;
  if (node.children.length !== 1 || only.type !== 'text') return false;
  const visible = only.value;
  return visible === node.url || `mailto:${visible}` === node.url || `http://${visible}` === node.url || text[node.position!.start.offset!] === '<';
}

/** Length of a YAML front-matter block at the very start (0 when there is none). */
export function frontMatterLength(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  return match ? open[0].length + match.index + match[0].length : 0;
}

const OPENING_TO_CLOSING: Record<string, string> = { '"': '"', '\u201C': '\u201D', '\u201E': '\u201C', '\u00AB': '\u00BB' };

/**
 * Blanks text in double quotation marks ("…", “…”, „…“, «…»), quotes included: quoted speech
 * (a pasted chat line, a customer's words) is evidence, not the author's voice. An opening mark
 * with no closing mark in the same run is left alone. Single quotes are apostrophes too often to use.
 */
export function blankQuotations(runText: string): string {
  let out: string[] | null = null;
  // A closing mark found nowhere after some point is found nowhere after any later point either:
  // remembering that keeps the scan linear on hostile input (thousands of unmatched “).
  const exhausted = new Set<string>();
  let i = 0;
  while (i < runText.length) {
    const closing = OPENING_TO_CLOSING[runText[i]];
    if (closing === undefined || exhausted.has(closing)) {
      i++;
      continue;
    }
    const end = runText.indexOf(closing, i + 1);
    if (end < 0) {
      exhausted.add(closing);
      i++;
      continue;
    }
    out ??= runText.split('');
    for (let j = i; j <= end; j++) if (out[j] !== '\n') out[j] = ' ';
    i = end + 1;
  }
  return out ? out.join('') : runText;
}
