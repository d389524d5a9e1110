/**
 * The timeline view model: what the sidebar view, the CLI (`postmortem timeline`) and the SVG picture
 * show, computed from the one `Analysis` of a document. Plain data (it is posted to the webview as is).
 */
import type { Analysis } from '../analyze';
import { MILESTONES, type MilestoneName, type ProblemSeverity, type TimelineEntry, type ZoneOrigin } from '../model/types';
import { pad, parseZone, utcToWallTime, zoneLabel, type Zone } from '../time/zones';
import { inlineTokens, type InlineToken } from './inline';
import { sourceKind, type SourceKind } from './sources';

export interface TimelineOptions {
  /** A stretch with no entries at least this long is a gap, drawn to scale (default 15 minutes). */
  gapSeconds?: number;
  /** A gap at least this long is compressed to a break marker (default 2 hours). */
  compressSeconds?: number;
}

export const DEFAULT_GAP_SECONDS = 15 * 60;
export const DEFAULT_COMPRESS_SECONDS = 2 * 3600;
/** Extra space per minute of a gap drawn to scale, in CSS pixels (the SVG uses the same). */
export const GAP_PIXELS_PER_MINUTE = 1.2;
/** The space a compressed gap takes. */
export const COMPRESSED_GAP_PIXELS = 44;

export interface EntryProblem {
  rule: string;
  severity: ProblemSeverity;
  message: string;
}

export interface Gap {
  seconds: number;
  /** Longer than `compressSeconds`: drawn as a break marker of fixed size. */
  compressed: boolean;
  /** Extra vertical space before the entry, in pixels. */
  pixels: number;
}

export interface ViewEntry {
  /** Position in chronological order (0-based), stable for one view model. */
  index: number;
  /** ISO 8601 UTC. */
  at: string;
  atMs: number;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  /** UTC wall time, `HH:MM` (`HH:MM:SS` when the seconds are not zero). */
  utcTime: string;
  /** The same instant in the document's time zone (`16:02 Europe/Berlin`), or null when it names none. */
  zoneTime: string | null;
  /** The time as written. */
  timeText: string;
  zoneOrigin: ZoneOrigin;
  /** The description as Markdown (as the model has it). */
  text: string;
  /** The description as safe inline tokens (emphasis, strong, code, text). */
  inline: InlineToken[];
  source: string | null;
  sourceKind: SourceKind | null;
  milestones: MilestoneName[];
  /** 1-based first and last line of the entry in the document. */
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  /** Seconds since the previous entry (null for the first). */
  sincePrevious: number | null;
  /** The stretch before this entry when it is long enough to show. */
  gap: Gap | null;
  problems: EntryProblem[];
}

/** A milestone that no entry marks at its time (e.g. given only in the front matter): a row of its own. */
export interface MilestoneRow {
  name: MilestoneName;
  at: string;
  atMs: number;
  utcTime: string;
  line: number | null;
  origin: 'front-matter' | 'timeline';
}

export type DayRow = { kind: 'entry'; entry: ViewEntry } | { kind: 'milestone'; milestone: MilestoneRow };

export interface TimelineDay {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  /** `Tue 5 Mar 2024`. */
  label: string;
  rows: DayRow[];
}

export interface UnplacedEntry {
  line: number;
  timeText: string;
  text: string;
}

export interface ViewMilestone {
  at: string;
  line: number | null;
  origin: 'front-matter' | 'timeline';
}

export interface ViewDurations {
  timeToDetectSeconds: number | null;
  timeToMitigateSeconds: number | null;
  timeToResolveSeconds: number | null;
  /** `started` to `resolved`. */
  totalImpactSeconds: number | null;
}

export interface TimelineView {
  title: string | null;
  /** The document's time zone (`Europe/Berlin`), or null. */
  zone: string | null;
  /** Every placed entry in chronological order (ties keep document order). */
  entries: ViewEntry[];
  days: TimelineDay[];
  /** Entries whose time could not be resolved, in document order. */
  unplaced: UnplacedEntry[];
  milestones: Record<MilestoneName, ViewMilestone | null>;
  durations: ViewDurations;
  gapSeconds: number;
  compressSeconds: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function clock(wallMs: number): string {
  const d = new Date(wallMs);
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCSeconds() ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

/** Chronological order with document order as the tie-break (the sort is stable on the line too). */
export function chronological<T extends { atMs: number; line: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.atMs - b.atMs || a.line - b.line);
}

/** The gap before an entry that follows `seconds` after the previous one, or null when it is short. */
export function gapFor(seconds: number, gapSeconds = DEFAULT_GAP_SECONDS, compressSeconds = DEFAULT_COMPRESS_SECONDS): Gap | null {
  if (seconds < gapSeconds) return null;
  if (seconds >= compressSeconds) return { seconds, compressed: true, pixels: COMPRESSED_GAP_PIXELS };
  return { seconds, compressed: false, pixels: Math.round((seconds / 60) * GAP_PIXELS_PER_MINUTE) };
}

/** `42 s`, `7 min`, `1 h 18 min`, `2 d 3 h`; `unknown` for null. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  const sign = seconds < 0 ? '−' : '';
  let rest = Math.abs(Math.round(seconds));
  if (rest < 60) return `${sign}${rest} s`;
  rest = Math.round(rest / 60);
  if (rest < 60) return `${sign}${rest} min`;
  const minutes = rest % 60;
  const hours = Math.floor(rest / 60);
  if (hours < 24) return `${sign}${hours} h${minutes ? ` ${minutes} min` : ''}`;
  const days = Math.floor(hours / 24);
  return `${sign}${days} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** The document's time zone, when it names one other than UTC (for UTC there is nothing to toggle). */
function documentZone(analysis: Analysis): Zone | null {
  const name = analysis.model.metadata.timezone;
  const zone = name ? parseZone(name) : null;
  return zone && zoneLabel(zone) !== 'UTC' ? zone : null;
}

function toViewEntry(entry: TimelineEntry, zone: Zone | null): Omit<ViewEntry, 'index' | 'sincePrevious' | 'gap'> {
  const atMs = Date.parse(entry.at!);
  return {
    at: entry.at!,
    atMs,
    day: utcDay(atMs),
    utcTime: clock(atMs),
    zoneTime: zone ? `${clock(utcToWallTime(atMs, zone))} ${zoneLabel(zone)}` : null,
    timeText: entry.timeText,
    zoneOrigin: entry.zoneOrigin,
    text: entry.text,
    inline: inlineTokens(entry.text),
    source: entry.source,
    sourceKind: sourceKind(entry.source),
    milestones: [...entry.milestones],
    line: entry.range.start.line,
    endLine: entry.range.end.column === 1 && entry.range.end.line > entry.range.start.line ? entry.range.end.line - 1 : entry.range.end.line,
    column: entry.range.start.column,
    endColumn: entry.range.end.column,
    problems: [],
  };
}

/** Builds the view model of a document's timeline from its analysis. */
export function buildTimelineView(analysis: Analysis, options: TimelineOptions = {}): TimelineView {
  const gapSeconds = options.gapSeconds ?? DEFAULT_GAP_SECONDS;
  const compressSeconds = options.compressSeconds ?? DEFAULT_COMPRESS_SECONDS;
  const { model } = analysis;
  const zone = documentZone(analysis);

  const placed = chronological(model.timeline.filter((e) => e.at !== null).map((e) => toViewEntry(e, zone)));
  const entries: ViewEntry[] = placed.map((entry, index) => {
    const sincePrevious = index === 0 ? null : Math.round((entry.atMs - placed[index - 1].atMs) / 1000);
    return { ...entry, index, sincePrevious, gap: sincePrevious === null ? null : gapFor(sincePrevious, gapSeconds, compressSeconds) };
  });

  const milestones = {} as Record<MilestoneName, ViewMilestone | null>;
  const milestoneRows: MilestoneRow[] = [];
  for (const name of MILESTONES) {
    const milestone = model.milestones[name];
    if (!milestone) {
      milestones[name] = null;
      continue;
    }
    const marked = entries.find((e) => e.milestones.includes(name) && e.at === milestone.at);
    milestones[name] = { at: milestone.at, line: marked?.line ?? milestone.range.start.line, origin: milestone.origin };
    if (!marked) {
      const atMs = Date.parse(milestone.at);
      milestoneRows.push({ name, at: milestone.at, atMs, utcTime: clock(atMs), line: milestone.range.start.line, origin: milestone.origin });
    }
  }

  const started = milestones.started ? Date.parse(milestones.started.at) : null;
  const resolved = milestones.resolved ? Date.parse(milestones.resolved.at) : null;
  const durations: ViewDurations = {
    ...model.durations,
    totalImpactSeconds: started !== null && resolved !== null ? Math.round((resolved - started) / 1000) : null,
  };

  return {
    title: model.metadata.title,
    zone: zone ? zoneLabel(zone) : null,
    entries,
    days: groupByDay(entries, milestoneRows),
    unplaced: model.timeline.filter((e) => e.at === null).map((e) => ({ line: e.range.start.line, timeText: e.timeText, text: e.text })),
    milestones,
    durations,
    gapSeconds,
    compressSeconds,
  };
}

/** Groups entries (and milestone-only rows, placed after the entries at or before their time) by UTC day. */
export function groupByDay(entries: readonly ViewEntry[], milestoneRows: readonly MilestoneRow[] = []): TimelineDay[] {
  const rows: { atMs: number; order: number; row: DayRow }[] = [
    ...entries.map((entry, i) => ({ atMs: entry.atMs, order: i * 2, row: { kind: 'entry', entry } as DayRow })),
    ...milestoneRows.map((milestone) => {
      const after = entries.filter((e) => e.atMs <= milestone.atMs).length;
      return { atMs: milestone.atMs, order: after * 2 - 1, row: { kind: 'milestone', milestone } as DayRow };
    }),
  ].sort((a, b) => a.order - b.order || MILESTONES.indexOf(nameOf(a.row)) - MILESTONES.indexOf(nameOf(b.row)));
  const days: TimelineDay[] = [];
  for (const { atMs, row } of rows) {
    const date = utcDay(atMs);
    let day = days[days.length - 1];
    if (!day || day.date !== date) {
      day = { date, label: dayLabel(date), rows: [] };
      days.push(day);
    }
    day.rows.push(row);
  }
  return days;
}

function nameOf(row: DayRow): MilestoneName {
  return row.kind === 'milestone' ? row.milestone.name : 'started';
}

/** A diagnostic or parser problem about some range, 1-based lines and columns. */
export interface RangedProblem extends EntryProblem {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Attaches problems to the entries whose lines they start in, once per rule and range (the same
 * problem published as a diagnostic and found in the analysis counts once). Mutates and returns `view`.
 */
export function attachProblems(view: TimelineView, problems: readonly RangedProblem[]): TimelineView {
  const seen = new Set<string>();
  for (const entry of view.entries) entry.problems = [];
  for (const problem of problems) {
    const key = `${problem.rule}@${problem.startLine}:${problem.startColumn}-${problem.endLine}:${problem.endColumn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const entry of view.entries) {
      if (problem.startLine >= entry.line && problem.startLine <= entry.endLine) {
        entry.problems.push({ rule: problem.rule, severity: problem.severity, message: problem.message });
      }
    }
  }
  return view;
}

/** The analysis's own problems as ranged problems (for `attachProblems`). */
export function analysisProblems(analysis: Analysis): RangedProblem[] {
  return analysis.problems.map((p) => ({
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    startLine: p.range.start.line,
    startColumn: p.range.start.column,
    endLine: p.range.end.line,
    endColumn: p.range.end.column,
  }));
}

/** The entry to highlight for a 1-based cursor line: the one whose lines hold it, else none. */
export function entryAtLine(view: TimelineView, line: number): ViewEntry | undefined {
  return view.entries.find((e) => line >= e.line && line <= e.endLine);
}
