/**
 * Timeline edits as plain text edits over the analysed text: sorting the entries chronologically (list
 * and table forms) and inserting an entry for "now" at the right place. The extension applies them as
 * one WorkspaceEdit (undoable as one step); nothing here knows the editor.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Analysis } from '../analyze';
import type { Section, SourceRange, TimelineEntry } from '../model/types';
import { readDayHeading } from '../time/timestamp';
import { pad } from '../time/zones';

export interface TextEdit {
  range: SourceRange;
  newText: string;
}

interface Block {
  entries: TimelineEntry[];
}

const ORDERED_MARKER = /^(\d{1,9})([.)])/;

/**
 * Runs of entries that sit next to each other in one list, table or paragraph: only whitespace between
 * them and the same form. Entries under different day headings are different runs.
 */
function blocks(analysis: Analysis): Block[] {
  const result: Block[] = [];
  let current: Block | null = null;
  let previous: TimelineEntry | null = null;
  for (const entry of analysis.model.timeline) {
    const between = previous ? analysis.text.slice(previous.range.end.offset, entry.range.start.offset) : null;
    const joined =
      previous !== null &&
      previous.form === entry.form &&
      between !== null &&
      /^\s*$/.test(between) &&
      indentOf(analysis.text, previous.range.start.offset) === indentOf(analysis.text, entry.range.start.offset);
    if (!joined || !current) {
      current = { entries: [] };
      result.push(current);
    }
    current.entries.push(entry);
    previous = entry;
  }
  return result;
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset);
}

/**
 * The edits that put each run of entries in chronological order (ties keep document order). Entries whose
 * time is unknown keep their places. Ordered-list numbers stay where they were. Empty when already sorted.
 */
export function sortTimelineEdits(analysis: Analysis): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const { entries } of blocks(analysis)) {
    if (entries.length < 2) continue;
    const timed = entries.map((entry, index) => ({ entry, index })).filter((x) => x.entry.at !== null);
    const sorted = [...timed].sort((a, b) => Date.parse(a.entry.at!) - Date.parse(b.entry.at!) || a.index - b.index);
    if (sorted.every((x, i) => x === timed[i])) continue;
    const order = entries.slice();
    timed.forEach((slot, i) => (order[slot.index] = sorted[i].entry));
    let newText = '';
    entries.forEach((slot, i) => {
      if (i > 0) newText += analysis.text.slice(entries[i - 1].range.end.offset, slot.range.start.offset);
      newText += withMarkerOf(order[i].raw, slot.raw);
    });
    edits.push({ range: { start: entries[0].range.start, end: entries[entries.length - 1].range.end }, newText });
  }
  return edits;
}

/** An ordered-list item moved into another slot takes that slot's number. */
function withMarkerOf(raw: string, slotRaw: string): string {
  const slot = ORDERED_MARKER.exec(slotRaw);
  return slot && ORDERED_MARKER.test(raw) ? raw.replace(ORDERED_MARKER, slot[0]) : raw;
}

/** Applies non-overlapping edits to a text (for the CLI and tests; the extension uses a WorkspaceEdit). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    result = result.slice(0, edit.range.start.offset) + edit.newText + result.slice(edit.range.end.offset);
  }
  return result;
}

export interface EntryInsertion {
  /** Where to insert, as an offset into the analysed text. */
  offset: number;
  /** The inserted text with its placeholders' defaults. */
  text: string;
  /** The same as a snippet: `${1:source}` and `${2:What happened}` to fill in. */
  snippet: string;
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

interface DayHeading {
  date: string;
  depth: number;
  start: number;
  end: number;
}

function dayHeadings(analysis: Analysis, section: Section): DayHeading[] {
  const result: DayHeading[] = [];
  for (const node of analysis.tree.children) {
    if (node.type !== 'heading' || node.depth <= 2) continue;
    const start = node.position!.start.offset!;
    if (start < section.range.start.offset || start >= section.range.end.offset) continue;
    const day = readDayHeading(toString(node as Heading));
    if (day) result.push({ date: `${day.year}-${pad(day.month)}-${pad(day.day)}`, depth: node.depth, start, end: node.position!.end.offset! });
  }
  return result;
}

/** Splits a table row into its cells' spans (pipes escaped with a backslash do not split). */
function rowCells(row: string): { start: number; end: number }[] {
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') pipes.push(i);
  }
  // boundaries[i] is the pipe before cell i (-1: the row has no leading pipe)
  const boundaries = pipes.length > 0 && /^\s*$/.test(row.slice(0, pipes[0])) ? pipes : [-1, ...pipes];
  const cells: { start: number; end: number }[] = [];
  for (let i = 0; i < boundaries.length; i++) {
    const start = boundaries[i] + 1;
    const end = i + 1 < boundaries.length ? boundaries[i + 1] : row.length;
    if (i + 1 === boundaries.length && i > 0 && /^\s*$/.test(row.slice(start))) break; // the trailing pipe
    cells.push({ start, end });
  }
  return cells;
}

/** A new row shaped like `anchor`'s: the time, source and text cells filled, the others empty. */
function tableRow(anchor: TimelineEntry, time: string): { text: string; snippet: string } {
  const raw = anchor.raw;
  const cells = rowCells(raw);
  const timeAt = anchor.timeRange.start.offset - anchor.range.start.offset;
  const timeCell = cells.findIndex((c) => timeAt >= c.start && timeAt <= c.end);
  const trimmedCell = (i: number) => raw.slice(cells[i].start, cells[i].end).trim();
  let sourceCell = anchor.source === null ? -1 : cells.findIndex((_, i) => i !== timeCell && trimmedCell(i).toLowerCase() === anchor.source);
  let textCell = cells.findIndex((_, i) => i !== timeCell && i !== sourceCell && anchor.text !== '' && trimmedCell(i).includes(anchor.text.slice(0, 20)));
  if (textCell < 0) textCell = cells.findIndex((_, i) => i !== timeCell && i !== sourceCell);
  if (sourceCell === textCell) sourceCell = -1;
  const make = (snippet: boolean): string => {
    const parts = cells.map((_, i) => {
      if (i === timeCell) return time;
      if (i === sourceCell) return snippet ? '${1:source}' : 'source';
      if (i === textCell) return snippet ? `\${${sourceCell >= 0 ? 2 : 1}:What happened}` : 'What happened';
      return '';
    });
    const leading = raw.trimStart().startsWith('|');
    const trailing = raw.trimEnd().endsWith('|');
    return `${leading ? '| ' : ''}${parts.join(' | ')}${trailing ? ' |' : ''}`.replace(/ {2,}\|/g, ' |');
  };
  return { text: make(false), snippet: make(true) + '$0' };
}

function listLine(anchor: TimelineEntry | null, time: string, text: string): { text: string; snippet: string } {
  let marker = '-';
  if (anchor) {
    const match = /^([-*+]|\d{1,9}[.)])[ \t]/.exec(anchor.raw);
    if (match) {
      const ordered = ORDERED_MARKER.exec(match[1]);
      marker = ordered ? `${Number(ordered[1]) + 1}${ordered[2]}` : match[1];
    } else {
      marker = '';
    }
  }
  const indent = anchor ? indentOf(text, anchor.range.start.offset) : '';
  const prefix = `${indent}${marker ? marker + ' ' : ''}${time} `;
  return { text: `${prefix}[source] What happened`, snippet: `${prefix}[\${1:source}] \${2:What happened}$0` };
}

/**
 * Where and what "Add Timeline Entry Now" inserts: an entry at `nowMs` (UTC, written with its zone)
 * after the last entry at or before now, in that entry's form (list item or table row); under today's
 * day heading when the timeline uses day headings (a new heading at the end of the timeline when today
 * has none). Null when the document has no timeline section.
 */
export function insertEntryNow(analysis: Analysis, nowMs: number): EntryInsertion | null {
  const section = analysis.model.sections.filter((s) => s.kind === 'timeline').pop();
  if (!section) return null;
  const { text } = analysis;
  const today = utcDate(nowMs);
  const inSection = analysis.model.timeline.filter((e) => e.range.start.offset >= section.range.start.offset && e.range.start.offset < section.range.end.offset);
  const headings = dayHeadings(analysis, section);
  const sectionEnd = trimEnd(text, section.range.end.offset, section.headingRange.end.offset);

  let candidates = inSection;
  let fallbackOffset = sectionEnd;
  const prefix = '\n\n';
  if (headings.length > 0) {
    const index = headings.findIndex((h) => h.date === today);
    if (index < 0) {
      const depth = headings[headings.length - 1].depth;
      const line = listLine(inSection[inSection.length - 1] ?? null, `${utcTime(nowMs)} UTC`, text);
      const form = inSection[inSection.length - 1]?.form === 'table' ? tableRow(inSection[inSection.length - 1], `${utcTime(nowMs)} UTC`) : null;
      const header = `\n\n${'#'.repeat(depth)} ${today}\n\n`;
      const body = form ? tableHeaderFor(inSection[inSection.length - 1], text) + form.text : line.text.trimStart();
      const bodySnippet = form ? tableHeaderFor(inSection[inSection.length - 1], text) + form.snippet : line.snippet.trimStart();
      // keep a blank line before the next section
      const after = /^\r?\n(?!\r?\n)\S/.test(text.slice(sectionEnd, sectionEnd + 4)) ? '\n' : '';
      return { offset: sectionEnd, text: header + body + after, snippet: escapeSnippet(header) + bodySnippet + after };
    }
    const from = headings[index].end;
    const to = headings[index + 1]?.start ?? section.range.end.offset;
    candidates = inSection.filter((e) => e.range.start.offset > from && e.range.start.offset < to);
    fallbackOffset = headings[index].end;
  }

  const timed = candidates.filter((e) => e.at !== null);
  const before = timed.filter((e) => Date.parse(e.at!) <= nowMs).sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!) || a.range.start.offset - b.range.start.offset);
  const anchor = before[before.length - 1] ?? null;
  const template = anchor ?? candidates[candidates.length - 1] ?? inSection[inSection.length - 1] ?? null;
  const withDate = template !== null && (/^\d{4}-\d{2}-\d{2}/.test(template.timeText) || (headings.length === 0 && template.at !== null && utcDate(Date.parse(template.at)) !== today));
  const time = `${withDate ? today + ' ' : ''}${utcTime(nowMs)} UTC`;
  const line = template?.form === 'table' ? tableRow(template, time) : listLine(template, time, text);

  if (anchor) return { offset: anchor.range.end.offset, text: '\n' + line.text, snippet: '\n' + line.snippet };
  const first = timed.sort((a, b) => a.range.start.offset - b.range.start.offset)[0] ?? candidates[0];
  if (first) {
    const lineStart = text.lastIndexOf('\n', first.range.start.offset - 1) + 1;
    return { offset: lineStart, text: line.text + '\n', snippet: line.snippet + '\n' };
  }
  return { offset: fallbackOffset, text: prefix + line.text.trimStart(), snippet: escapeSnippet(prefix) + line.snippet.trimStart() };
}

/** The header and delimiter lines of the table that holds `row`, for a new day's table. */
function tableHeaderFor(row: TimelineEntry, text: string): string {
  const lines = text.slice(0, row.range.start.offset).split(/\r?\n/);
  for (let i = lines.length - 1; i > 0; i--) {
    if (/^\s*\|?\s*:?-{3,}/.test(lines[i]) && lines[i].includes('-')) return `${lines[i - 1]}\n${lines[i]}\n`;
  }
  return '';
}

function trimEnd(text: string, end: number, min: number): number {
  let offset = end;
  while (offset > min && /\s/.test(text[offset - 1])) offset--;
  return offset;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
