import type { Root, Yaml } from 'mdast';
import { readActionItems } from './model/actions';
import { resolveMilestones } from './model/milestones';
import { Problems } from './model/problems';
import { splitSections } from './model/sections';
import { readTimeline } from './model/timeline';
import type { Postmortem, Problem } from './model/types';
import { emptyMetadata, readFrontMatter, type FrontMatter, type FrontMatterRanges } from './parse/front-matter';
import { LineIndex } from './parse/line-index';
import { parseMarkdown } from './parse/markdown';
import { civilDateOf } from './time/timestamp';
import { utcToWallTime, UTC } from './time/zones';

export const DEFAULT_SEVERITY_SCALE: readonly string[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];

export interface AnalyzeOptions {
  /** Allowed severity values; default SEV1..SEV5. An empty list accepts any value. */
  severityScale?: readonly string[];
}

/** The one analysis of a document version that every reader (diagnostics, export, CLI, view) shares. */
export interface Analysis {
  /** The analysed text (a leading byte-order mark removed); every range points into it. */
  text: string;
  tree: Root;
  lines: LineIndex;
  /** Where the front matter and its values are; null when the document has none. */
  frontMatter: FrontMatterRanges | null;
  model: Postmortem;
  problems: Problem[];
}

/** Parses a postmortem once into its mdast tree, model and problems. Never throws on bad input. */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const problems = new Problems();
  const tree = parseMarkdown(text);

  if (text.trim() === '') {
    problems.add('document-empty', 'document', 'warning', 'The document is empty: start from the template (type "postmortem" for the snippet, or run "Postmortem: New Postmortem").', lines.range(0, 0));
  }

  const frontMatter = readDocumentFrontMatter(tree, text, lines, problems, options.severityScale ?? DEFAULT_SEVERITY_SCALE);
  const { title, sections } = splitSections(tree, text, lines);
  const metadata = frontMatter.metadata;
  metadata.title ??= title;

  const firstDeclared = Object.values(frontMatter.milestones).sort((a, b) => a.utcMs - b.utcMs)[0];
  const context = {
    text,
    lines,
    problems,
    documentZone: frontMatter.zone,
    fallbackDate: firstDeclared ? civilDateOf(utcToWallTime(firstDeclared.utcMs, frontMatter.zone ?? UTC)) : null,
  };
  const timeline = sections.filter((s) => s.section.kind === 'timeline').flatMap((s) => readTimeline(s.section.heading, s.nodes, context));
  const actionItems = sections.filter((s) => s.section.kind === 'action-items').flatMap((s) => readActionItems(s.nodes, context));
  const { milestones, durations } = resolveMilestones(timeline, frontMatter.milestones, problems);

  return {
    text,
    tree,
    lines,
    frontMatter: frontMatter.ranges,
    model: { metadata, sections: sections.map((s) => s.section), timeline, milestones, durations, actionItems },
    problems: problems.list,
  };
}

function readDocumentFrontMatter(
  tree: Root,
  text: string,
  lines: LineIndex,
  problems: Problems,
  severityScale: readonly string[],
): Omit<FrontMatter, 'ranges'> & { ranges: FrontMatterRanges | null } {
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  if (!node) {
    if (/^---[ \t]*\r?\n/.test(text)) {
      problems.add('front-matter-syntax', 'front-matter', 'error', 'The front matter opened on line 1 is never closed: end it with a line of three dashes (---).', lines.lineRange(1));
    }
    return { metadata: emptyMetadata(), ranges: null, zone: null, milestones: {} };
  }
  const start = node.position!.start.offset!;
  const offset = node.value === '' ? start : text.indexOf(node.value, start);
  const block = lines.range(start, node.position!.end.offset!);
  return readFrontMatter({ value: node.value, offset, block }, lines, problems, severityScale);
}
