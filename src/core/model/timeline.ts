import type { ListItem, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../parse/line-index';
import {
  civilDateOf,
  readDayHeading,
  readTime,
  readZoneSuffix,
  toIsoUtc,
  wallMs,
  type CivilDate,
  type ParsedTime,
} from '../time/timestamp';
import { parseZone, UTC, wallTimeToUtc, type Zone } from '../time/zones';
import type { Problems } from './problems';
import { normalizeHeading } from './sections';
import { MILESTONES, type MilestoneName, type TimelineEntry, type ZoneOrigin } from './types';

export interface TimelineContext {
  text: string;
  lines: LineIndex;
  problems: Problems;
  /** The document's zone (front matter `timezone`), if any. */
  documentZone: Zone | null;
  /** A date for bare times before any day heading (the front matter's `started` day), if known. */
  fallbackDate: CivilDate | null;
}

const TWELVE_HOURS = 12 * 3600 * 1000;
const ONE_DAY = 24 * 3600 * 1000;

// Linear patterns: each quantifier runs over a class that the next token cannot start with.
const OPENING_WRAPPER = /^(?:\*\*|__|\*|_|`|\[)/;
const CLOSERS: Record<string, string> = { '**': '**', __: '__', '*': '*', _: '_', '`': '`', '[': ']' };
const SEPARATOR = /^[ \t]*(?:[-–—:|,][ \t]*)?/;
const SOURCE_TAG = /^\[([A-Za-z][\w-]{0,30})\](?!\()[ \t]*(?:[-–—:][ \t]*)?/;
const MILESTONE_MARKER = /[ \t]*\{[ \t]*(started|detected|mitigated|resolved)[ \t]*\}/gi;

const TIME_HEADERS = ['time', 'timestamp', 'when', 'datetime', 'date time', 'date and time'];
const DATE_HEADERS = ['date', 'day'];
const SOURCE_HEADERS = ['source', 'type', 'kind', 'channel', 'origin', 'category'];
const TEXT_HEADERS = ['event', 'events', 'description', 'what happened', 'details', 'detail', 'activity', 'action', 'summary', 'text', 'note', 'notes', 'message', 'update', 'entry'];

/** Reading state carried through a timeline section: the current day and the previous entry's wall time. */
interface DayState {
  date: CivilDate | null;
  previousWall: number | null;
  sectionZone: Zone | null;
}

const ALL_TIMES = /^\W{0,3}(?:all )?times?\b[^.\n]{0,30}?\b(?:are|in)\b/i;

function sectionZone(heading: string, nodes: RootContent[]): Zone | null {
  const parenthetical = /\(([^)]{1,60})\)/.exec(heading);
  if (parenthetical) return zoneNamedIn(parenthetical[1]);
  const note = nodes.find((node) => node.type === 'paragraph' && ALL_TIMES.test(toString(node)));
  return note ? zoneNamedIn(toString(note)) : null;
}

/** The first word of a short text that names a zone: `UTC`, `PDT`, `UTC+2`, `Europe/Berlin`. */
function zoneNamedIn(text: string): Zone | null {
  for (const word of text.split(/[^\w/+\-:]+/)) {
    if (/^[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?$|\//.test(word)) {
      const zone = parseZone(word);
      if (zone) return zone;
    }
  }
  return null;
}

/**
 * Reads the timeline entries of one timeline section (its heading and body nodes), in document order.
 * A zone the section names (`## Timeline (all times PDT)`, or an "All times are UTC." line) applies to
 * its times that carry none.
 */
export function readTimeline(heading: string, nodes: RootContent[], context: TimelineContext): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const state: DayState = { date: context.fallbackDate, previousWall: null, sectionZone: sectionZone(heading, nodes) };
  for (const node of nodes) {
    if (node.type === 'heading') {
      const day = readDayHeading(toString(node));
      if (day) {
        state.date = day;
        state.previousWall = null;
      }
    } else if (node.type === 'list') {
      for (const item of node.children) readListItem(item, context, state, entries);
    } else if (node.type === 'table') {
      readTable(node, context, state, entries);
    } else if (node.type === 'paragraph') {
      readParagraphLines(node.position!.start.offset!, node.position!.end.offset!, context, state, entries);
    }
  }
  return entries;
}

function readListItem(item: ListItem, context: TimelineContext, state: DayState, entries: TimelineEntry[]): void {
  const first = item.children[0];
  const itemStart = item.position!.start.offset!;
  const itemEnd = item.position!.end.offset!;
  if (!first || first.type !== 'paragraph') return;
  const contentStart = first.position!.start.offset!;
  const firstEnd = first.position!.end.offset!;
  const parsed = readEntryText(context.text.slice(contentStart, firstEnd), contentStart);
  if (parsed.kind === 'none' || parsed.kind === 'date-only') {
    // A list item naming a day ("- 2024-03-05" or "- Tuesday, March 5") groups the items nested in it.
    const day = parsed.kind === 'date-only' ? parsed.date : readDayHeading(toString(first));
    if (day) {
      state.date = day;
      state.previousWall = null;
    }
    if (parsed.kind === 'date-only' && parsed.rest.trim()) {
      context.problems.add(
        'timeline-timestamp',
        'timeline',
        'information',
        'This entry has a date but no time of day, so it is not placed on the timeline. Add a time (e.g. 2024-03-05 14:02 UTC).',
        context.lines.range(contentStart, contentStart + parsed.length),
      );
    }
    for (const child of item.children) {
      if (child.type === 'list') for (const nested of child.children) readListItem(nested, context, state, entries);
    }
    return;
  }
  const nestedStart = first.position!.end.offset!;
  const description = parsed.rest + context.text.slice(nestedStart, itemEnd);
  entries.push(buildEntry(parsed, description, null, context, state, itemStart, itemEnd, 'list'));
}

function readParagraphLines(start: number, end: number, context: TimelineContext, state: DayState, entries: TimelineEntry[]): void {
  const first = context.lines.positionAt(start).line;
  const last = context.lines.positionAt(end).line;
  for (let line = first; line <= last; line++) {
    const range = context.lines.lineRange(line);
    const lineStart = Math.max(range.start.offset, start);
    const lineEnd = Math.min(range.end.offset, end);
    const parsed = readEntryText(context.text.slice(lineStart, lineEnd), lineStart);
    if (parsed.kind === 'time' || parsed.kind === 'invalid') {
      entries.push(buildEntry(parsed, parsed.rest.replace(/(?:\\| {2,})$/, ''), null, context, state, lineStart, lineEnd, 'list'));
    }
  }
}

interface ColumnMap {
  time: number;
  date: number;
  source: number;
  text: number;
  zone: Zone | null;
}

function findColumns(table: Table): ColumnMap | null {
  const header = table.children[0];
  if (!header) return null;
  const names = header.children.map((cell) => toString(cell));
  const normalized = names.map(normalizeHeading);
  const startsWithAny = (name: string, candidates: string[]): boolean =>
    candidates.some((candidate) => name === candidate || name.startsWith(`${candidate} `));
  let time = normalized.findIndex((name) => startsWithAny(name, TIME_HEADERS));
  const date = normalized.findIndex((name, index) => index !== time && startsWithAny(name, DATE_HEADERS));
  if (time < 0 && date >= 0) time = date;
  if (time < 0) return null;
  const source = normalized.findIndex((name) => SOURCE_HEADERS.includes(name));
  let text = normalized.findIndex((name) => TEXT_HEADERS.includes(name));
  if (text < 0) text = normalized.findIndex((_, index) => index !== time && index !== date && index !== source);
  return { time, date: date === time ? -1 : date, source, text, zone: headerZone(names[time]) };
}

/** The zone a time column's header names: `Time (UTC)`, `Timestamp [PST]`, `Time UTC`. */
function headerZone(header: string): Zone | null {
  const bracketed = /[([]([^)\]]{1,40})[)\]]/.exec(header);
  if (bracketed) return parseZone(bracketed[1]);
  const words = header.trim().split(/\s+/);
  return words.length > 1 ? parseZone(words[words.length - 1]) : null;
}

function readTable(table: Table, context: TimelineContext, state: DayState, entries: TimelineEntry[]): void {
  const columns = findColumns(table);
  if (!columns) return;
  const headerCount = table.children[0].children.length;
  const headerNames = table.children[0].children.map((cell) => toString(cell).trim());
  for (const row of table.children.slice(1)) {
    const rowStart = row.position!.start.offset!;
    const rowEnd = row.position!.end.offset!;
    if (row.children.length < headerCount) {
      const missing = headerNames.slice(row.children.length).map((name) => `"${name}"`).join(', ');
      context.problems.add(
        'timeline-table',
        'timeline',
        'warning',
        `This row has ${row.children.length} of ${headerCount} cells; missing: ${missing}.`,
        context.lines.range(rowStart, rowEnd),
      );
    }
    if (columns.date >= 0) {
      const dateCell = cellSpan(row, columns.date);
      const day = dateCell && readDayHeading(context.text.slice(dateCell.start, dateCell.end));
      if (day && (!state.date || wallMs(day, { hour: 0, minute: 0, second: 0 }) !== wallMs(state.date, { hour: 0, minute: 0, second: 0 }))) {
        state.date = day;
        state.previousWall = null;
      }
    }
    const timeCell = cellSpan(row, columns.time);
    if (!timeCell || timeCell.start === timeCell.end) {
      context.problems.add('timeline-table', 'timeline', 'warning', `This row has no time in its "${headerNames[columns.time]}" column, so it is not placed on the timeline.`, context.lines.range(rowStart, rowEnd));
      continue;
    }
    const parsed = readEntryText(context.text.slice(timeCell.start, timeCell.end), timeCell.start);
    if (parsed.kind === 'none' || parsed.kind === 'date-only') {
      context.problems.add('timeline-timestamp', 'timeline', 'warning', `"${context.text.slice(timeCell.start, timeCell.end)}" is not a time (e.g. 14:02 or 2024-03-05 14:02 UTC), so this row is not placed on the timeline.`, context.lines.range(timeCell.start, timeCell.end));
      continue;
    }
    const textCell = columns.text >= 0 ? cellSpan(row, columns.text) : null;
    const description = textCell ? context.text.slice(textCell.start, textCell.end) : '';
    const sourceCell = columns.source >= 0 ? cellSpan(row, columns.source) : null;
    const source = sourceCell ? context.text.slice(sourceCell.start, sourceCell.end).trim().toLowerCase() || null : null;
    entries.push(buildEntry(parsed, description, source, context, state, rowStart, rowEnd, 'table', columns.zone));
  }
}

/** The source span of a cell's content, or null when the row has no such cell. */
function cellSpan(row: TableRow, index: number): { start: number; end: number } | null {
  const cell = row.children[index];
  if (!cell) return null;
  if (cell.children.length === 0) {
    const offset = cell.position!.start.offset!;
    return { start: offset, end: offset };
  }
  return { start: cell.children[0].position!.start.offset!, end: cell.children[cell.children.length - 1].position!.end.offset! };
}

type EntryText =
  | { kind: 'time'; time: ParsedTime; timeStart: number; timeEnd: number; rest: string }
  | { kind: 'invalid'; message: string; timeStart: number; timeEnd: number; rest: string }
  | { kind: 'date-only'; date: CivilDate; length: number; rest: string }
  | { kind: 'none' };

/**
 * Reads the time at the start of an entry's text (optionally wrapped: `**14:02**`, `` `14:02` ``,
 * `[14:02]`), a zone after the wrapper, and the separator after it; `rest` is what follows.
 */
function readEntryText(text: string, offset: number): EntryText {
  const opener = OPENING_WRAPPER.exec(text)?.[0] ?? '';
  const read = readTime(text.slice(opener.length));
  if (read.kind === 'none') return { kind: 'none' };
  if (read.kind === 'date-only') {
    return { kind: 'date-only', date: read.date, length: opener.length + read.length, rest: text.slice(opener.length + read.length).replace(SEPARATOR, '') };
  }
  const length = read.kind === 'time' ? read.time.length : read.length;
  let end = opener.length + length;
  const closer = opener ? CLOSERS[opener] : '';
  if (closer && text.startsWith(closer, end)) end += closer.length;
  const timeStart = offset + opener.length;
  const timeEnd = offset + opener.length + length;
  if (read.kind === 'invalid') {
    return { kind: 'invalid', message: read.message, timeStart, timeEnd, rest: text.slice(end).replace(SEPARATOR, '') };
  }
  let time = read.time;
  if (!time.zone && closer) {
    const zone = readZoneSuffix(text.slice(end), time.date !== null);
    if (zone) {
      time = { ...time, zone: zone.zone };
      end += zone.length;
    }
  }
  return { kind: 'time', time, timeStart, timeEnd, rest: text.slice(end).replace(SEPARATOR, '') };
}

function buildEntry(
  parsed: Extract<EntryText, { kind: 'time' | 'invalid' }>,
  description: string,
  columnSource: string | null,
  context: TimelineContext,
  state: DayState,
  start: number,
  end: number,
  form: TimelineEntry['form'],
  columnZone: Zone | null = null,
): TimelineEntry {
  const { lines, problems } = context;
  const timeRange = lines.range(parsed.timeStart, parsed.timeEnd);
  let body = description.trim();
  let source = columnSource;
  const tag = SOURCE_TAG.exec(body);
  if (tag && !source) {
    source = tag[1].toLowerCase();
    body = body.slice(tag[0].length);
  }
  const milestones: MilestoneName[] = [];
  body = body
    .replace(MILESTONE_MARKER, (_, name: string) => {
      const milestone = name.toLowerCase() as MilestoneName;
      if (!milestones.includes(milestone)) milestones.push(milestone);
      return '';
    })
    .trim();
  milestones.sort((a, b) => MILESTONES.indexOf(a) - MILESTONES.indexOf(b));

  const entry: TimelineEntry = {
    at: null,
    timeText: context.text.slice(parsed.timeStart, parsed.timeEnd),
    text: body,
    raw: context.text.slice(start, end),
    source,
    milestones,
    zoneOrigin: 'assumed-utc',
    form,
    range: lines.range(start, end),
    timeRange,
  };

  if (parsed.kind === 'invalid') {
    problems.add('timeline-timestamp', 'timeline', 'error', parsed.message, timeRange);
    return entry;
  }

  const { time } = parsed;
  let zone: Zone;
  let origin: ZoneOrigin;
  if (time.zone) [zone, origin] = [time.zone, 'explicit'];
  else if (columnZone) [zone, origin] = [columnZone, 'column'];
  else if (state.sectionZone) [zone, origin] = [state.sectionZone, 'section'];
  else if (context.documentZone) [zone, origin] = [context.documentZone, 'document'];
  else [zone, origin] = [UTC, 'assumed-utc'];
  entry.zoneOrigin = origin;
  if (origin === 'assumed-utc') {
    problems.add(
      'timeline-timezone',
      'timeline',
      'warning',
      `"${entry.timeText}" has no time zone and the document sets none; it is read as UTC. Write the zone (${entry.timeText} UTC) or add "timezone:" to the front matter.`,
      timeRange,
    );
  }

  let wall: number;
  if (time.date) {
    wall = wallMs(time.date, time);
  } else if (state.date) {
    wall = wallMs(state.date, time);
    // A time earlier than the previous entry by more than half a day has crossed midnight.
    if (state.previousWall !== null && state.previousWall - wall > TWELVE_HOURS) wall += ONE_DAY;
  } else {
    problems.add(
      'timeline-date',
      'timeline',
      'warning',
      `"${entry.timeText}" has no date: add a day heading (### 2024-03-05) above it, a full date, or "started:" to the front matter.`,
      timeRange,
    );
    return entry;
  }
  state.date = civilDateOf(wall);
  state.previousWall = wall;
  entry.at = toIsoUtc(wallTimeToUtc(wall, zone));
  return entry;
}
