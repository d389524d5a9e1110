import { analyze, type Analysis } from '../analyze';
import type { PostmortemConfig } from '../config/types';
import { analyzeOptionsOf, DEFAULT_CONFIG } from '../config/defaults';
import { fixAll, lint } from './lint';
import { frontMatterLength } from './prose';
import type { Finding } from './types';

/** A text edit in offsets of the document it was made for: replace `[start, end)` with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * "Disable for this line": appends `<!-- postmortem-disable-line RULE -->` to the line the finding
 * starts on. Appended rather than inserted above: a comment line above would split a paragraph.
 */
export function disableLineEdit(analysis: Analysis, finding: Finding): TextEdit {
  const line = analysis.lines.lineRange(finding.range.start.line);
  return { start: line.end.offset, end: line.end.offset, text: ` <!-- postmortem-disable-line ${finding.rule} -->` };
}

/** "Disable this rule in this file": a `disable-file` comment after the front matter (or at the top). */
export function disableFileEdit(analysis: Analysis, rule: string): TextEdit {
  const { text } = analysis;
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  const at = frontMatterLength(text);
  const comment = `<!-- postmortem-disable-file ${rule} -->`;
  if (at === 0) return { start: 0, end: 0, text: comment + newline + newline };
  return { start: at, end: at, text: newline + newline + comment };
}

/** Applies non-overlapping edits (sorted by position; later overlapping ones are skipped). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Analyse and lint a text in one call (what the CLI and tests need most often). */
export function lintText(text: string, config: Readonly<PostmortemConfig> = DEFAULT_CONFIG): { analysis: Analysis; findings: Finding[] } {
  const analysis = analyze(text, analyzeOptionsOf(config));
  return { analysis, findings: lint(analysis, config) };
}

/** `source.fixAll.postmortem` on a text: every mechanical fix, to a fixed point. */
export function fixAllText(text: string, config: Readonly<PostmortemConfig> = DEFAULT_CONFIG): string {
  return fixAll(text, (current) => lintText(current, config).findings);
}
