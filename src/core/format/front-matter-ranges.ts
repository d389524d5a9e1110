import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../parse/line-index';
import type { SourceRange } from '../model/types';
import { toPointer } from './pointer';

export interface FrontMatterRanges {
  /** The whole front-matter block, fences included. */
  block: SourceRange;
  /** JSON pointer into the front matter (e.g. `/participants/0/name`) → the range of that key and value. */
  byPointer: Map<string, SourceRange>;
}

const OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Finds where each front-matter key sits in the source, so an export error about `/metadata/title` can
 * point at the `title:` line. The model keeps no ranges for metadata; this reads the block again with
 * the `yaml` package's node ranges. Returns null when the text has no front matter.
 */
export function frontMatterRanges(text: string, lines: LineIndex = new LineIndex(text)): FrontMatterRanges | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const bodyStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(bodyStart));
  if (!closing) return null;
  const bodyEnd = bodyStart + closing.index;
  const blockEnd = bodyEnd + closing[0].length;
  const byPointer = new Map<string, SourceRange>();
  const doc = parseDocument(text.slice(bodyStart, bodyEnd), { uniqueKeys: false });
  const rangeOf = (start: number, end: number) => lines.range(bodyStart + start, bodyStart + end);

  const visit = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        const keyNode = pair.key as YamlNode;
        const valueNode = pair.value as YamlNode | null;
        const start = keyNode.range?.[0];
        const end = valueNode?.range?.[1] ?? keyNode.range?.[1];
        const childPath = [...path, key];
        if (start !== undefined && end !== undefined) byPointer.set(toPointer(childPath), rangeOf(start, end));
        visit(valueNode, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as YamlNode | null)?.range;
        const childPath = [...path, index];
        if (range) byPointer.set(toPointer(childPath), rangeOf(range[0], range[1]));
        visit(item, childPath);
      });
    }
  };
  visit(doc.contents, []);
  return { block: lines.range(0, blockEnd), byPointer };
}
