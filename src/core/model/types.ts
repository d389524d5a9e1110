/**
 * The postmortem model: what the core reads out of a Markdown postmortem.
 * Plain data only (no classes, no `vscode`), so the CLI, the extension and the
 * exchange-format exporter all share it.
 */

/** A place in the source text. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range `[start, end)` in the source text. */
export interface SourceRange {
  start: Position;
  end: Position;
}

export type ProblemSeverity = 'error' | 'warning' | 'information';

/** Which part of the postmortem a problem concerns. */
export type ProblemCategory = 'document' | 'front-matter' | 'structure' | 'timeline' | 'milestones' | 'action-items';

/** Something the parser found wrong or doubtful, with the exact range it concerns. */
export interface Problem {
  /** Stable id, e.g. `front-matter-syntax`, `timeline-timezone`. */
  rule: string;
  category: ProblemCategory;
  severity: ProblemSeverity;
  message: string;
  range: SourceRange;
}

export const STATUSES = ['draft', 'in-review', 'final', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const MILESTONES = ['started', 'detected', 'mitigated', 'resolved'] as const;
export type MilestoneName = (typeof MILESTONES)[number];

export interface Participant {
  name: string;
  role: string | null;
  /** An `@handle`, stored without the `@`. */
  handle: string | null;
}

export interface Metadata {
  title: string | null;
  id: string | null;
  status: Status | null;
  severity: string | null;
  /** IANA zone used for timestamps that carry no zone of their own; null when the document names none. */
  timezone: string | null;
  authors: string[];
  participants: Participant[];
  services: string[];
  tags: string[];
  /** Front-matter keys this version does not know, kept verbatim so export loses nothing. */
  extra: Record<string, unknown>;
}

export const SECTION_KINDS = [
  'summary',
  'impact',
  'timeline',
  'contributing-factors',
  'what-went-well',
  'where-we-got-lucky',
  'lessons-learned',
  'action-items',
  'other',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** An H2 section, in document order. Unknown headings are kept as kind `other`. */
export interface Section {
  kind: SectionKind;
  /** The heading text as written. */
  heading: string;
  /** The section body as Markdown source text (without the heading line). */
  markdown: string;
  /** From the start of the heading to the end of the section. */
  range: SourceRange;
  headingRange: SourceRange;
}

/**
 * How a timeline entry's time zone was decided: written with the time, named by its table column's
 * header, named by the section (`## Timeline (all times PDT)` or an "All times are UTC" line), the
 * document's `timezone`, or none (read as UTC).
 */
export const ZONE_ORIGINS = ['explicit', 'column', 'section', 'document', 'assumed-utc'] as const;
export type ZoneOrigin = (typeof ZONE_ORIGINS)[number];

export interface TimelineEntry {
  /** The resolved instant as ISO 8601 UTC (`2024-03-05T14:02:00Z`), or null when the time could not be resolved. */
  at: string | null;
  /** The time exactly as written. */
  timeText: string;
  /** The description, as Markdown, without the time, source tag and milestone markers. */
  text: string;
  /** The entry's whole source text (the list item or the table row). */
  raw: string;
  /** Lower-case source tag such as `alert`, `deploy`, `chat`; null when none is given. */
  source: string | null;
  milestones: MilestoneName[];
  zoneOrigin: ZoneOrigin;
  form: 'list' | 'table';
  range: SourceRange;
  /** Range of the time text alone. */
  timeRange: SourceRange;
}

export interface Milestone {
  /** ISO 8601 UTC instant. */
  at: string;
  /** Where the value came from; when both give it and agree, `timeline` wins for the range. */
  origin: 'front-matter' | 'timeline';
  range: SourceRange;
}

export type Milestones = Record<MilestoneName, Milestone | null>;

/** Durations in whole seconds, each measured from `started`; null where a milestone is unknown. */
export interface Durations {
  timeToDetectSeconds: number | null;
  timeToMitigateSeconds: number | null;
  timeToResolveSeconds: number | null;
}

export const ACTION_TYPES = ['prevent', 'mitigate', 'detect', 'process'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface TicketRef {
  /** A tracker key such as `OPS-123`, when one is given. */
  key: string | null;
  /** A link, when one is given. */
  url: string | null;
}

export interface ActionItem {
  /** The item's description as Markdown, without owner/due/ticket annotations. */
  text: string;
  raw: string;
  /** A person, `@handle` (kept with its `@`) or team; null when none is given. */
  owner: string | null;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  ticket: TicketRef | null;
  priority: string | null;
  status: 'open' | 'done';
  type: ActionType | null;
  form: 'list' | 'table';
  range: SourceRange;
}

export interface Postmortem {
  metadata: Metadata;
  sections: Section[];
  /** In document order (sorting is the reader's choice). */
  timeline: TimelineEntry[];
  milestones: Milestones;
  durations: Durations;
  actionItems: ActionItem[];
}
