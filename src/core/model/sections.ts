import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../parse/line-index';
import sectionNames from './section-names.json';
import type { Section, SectionKind } from './types';

const KIND_BY_NAME = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(sectionNames)) {
  if (kind === '$comment') continue;
  for (const name of names as string[]) KIND_BY_NAME.set(name, kind as SectionKind);
}

/** Lower-cases a heading and drops numbering, emoji and punctuation: "3. Root Cause(s):" → "root cause s". */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\s\d.)#-]*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The kind a heading names; a parenthetical is ignored when the whole heading is not a known name ("Timeline (all times UTC)"). */
export function sectionKind(heading: string): SectionKind {
  return KIND_BY_NAME.get(normalizeHeading(heading)) ?? KIND_BY_NAME.get(normalizeHeading(heading.replace(/\([^)]*\)/g, ''))) ?? 'other';
}

/** A section together with the mdast nodes of its body. */
export interface SectionNodes {
  section: Section;
  nodes: RootContent[];
}

/**
 * Splits the document at its H1 and H2 headings. Content under the H1 before the first H2 (or
 * with no heading at all) is kept as an `other` section with an empty heading, so nothing is lost.
 */
export function splitSections(tree: Root, text: string, lines: LineIndex): { title: string | null; sections: SectionNodes[] } {
  let title: string | null = null;
  const sections: SectionNodes[] = [];
  let current: { heading: Heading | null; nodes: RootContent[] } | null = null;

  const close = (): void => {
    if (!current) return;
    const { heading, nodes } = current;
    if (!heading && nodes.length === 0) return;
    const bodyStart = heading ? heading.position!.end.offset! : nodes[0].position!.start.offset!;
    const bodyEnd = nodes.length > 0 ? nodes[nodes.length - 1].position!.end.offset! : bodyStart;
    const headingText = heading ? toString(heading).trim() : '';
    const start = heading ? heading.position!.start.offset! : bodyStart;
    sections.push({
      section: {
        kind: heading ? sectionKind(headingText) : 'other',
        heading: headingText,
        markdown: text.slice(bodyStart, bodyEnd).replace(/^(?:[ \t]*\r?\n)+/, ''),
        range: lines.range(start, bodyEnd),
        headingRange: heading ? lines.range(heading.position!.start.offset!, heading.position!.end.offset!) : lines.range(start, start),
      },
      nodes,
    });
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 2) {
      close();
      if (node.depth === 1 && title === null) {
        title = toString(node).trim() || null;
        current = { heading: null, nodes: [] };
      } else {
        current = { heading: node, nodes: [] };
      }
      continue;
    }
    if (!current) current = { heading: null, nodes: [] };
    current.nodes.push(node);
  }
  close();
  return { title, sections };
}
