/**
 * The messages between the timeline webview and the extension: one discriminated union per direction,
 * imported by both sides. The extension validates every message the webview sends
 * (`parseWebviewMessage`) before acting on it; a webview is untrusted input.
 */
import type { TimelineView } from './view-model';

/** What the webview may ask the extension to do (the view's title actions and its "New Postmortem" button). */
export const VIEW_ACTIONS = ['addEntryNow', 'sort', 'copyMarkdown', 'exportSvg', 'newPostmortem'] as const;
export type ViewAction = (typeof VIEW_ACTIONS)[number];

export interface TimelinePayload {
  /** The document's URI as a string, its file name and version. */
  document: { uri: string; name: string; version: number };
  view: TimelineView;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'timeline'; payload: TimelinePayload }
  | { type: 'empty'; reason: 'no-editor' | 'not-postmortem' }
  /** The entry holding the editor's cursor line (null: none). */
  | { type: 'highlight'; line: number | null };

/** What the webview reports it has shown, so tests and the extension can check it. */
export interface RenderedReport {
  /** The document version shown, or null for the hint. */
  version: number | null;
  /** The entries' texts as shown, in order. */
  texts: string[];
  /** The header's durations as shown: `Time to detect: 7 min`, ... */
  durations: string[];
  /** Milestone names shown on the line. */
  milestones: string[];
  /** Number of entries carrying a problem marker. */
  flagged: number;
  /** The line of the highlighted entry, or null. */
  highlighted: number | null;
}

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'action'; action: ViewAction }
  | { type: 'rendered'; report: RenderedReport };

const MAX_LINE = 10_000_000;
const MAX_LIST = 5_000;
const MAX_STRING = 4_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_LINE;
}

function strings(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > MAX_LIST) return null;
  return value.every((s) => typeof s === 'string' && s.length <= MAX_STRING) ? (value as string[]) : null;
}

/**
 * The message if it is one the webview may send, rebuilt from its known fields only; null otherwise.
 * A line is a positive integer; whether it is an entry's line is for the caller to check.
 */
export function parseWebviewMessage(value: unknown): FromWebview | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isLine(value.line) ? { type: 'reveal', line: value.line } : null;
    case 'action':
      return typeof value.action === 'string' && (VIEW_ACTIONS as readonly string[]).includes(value.action)
        ? { type: 'action', action: value.action as ViewAction }
        : null;
    case 'rendered': {
      const report = value.report;
      if (!isRecord(report)) return null;
      const texts = strings(report.texts);
      const durations = strings(report.durations);
      const milestones = strings(report.milestones);
      const version = report.version === null || (typeof report.version === 'number' && Number.isInteger(report.version)) ? report.version : undefined;
      const highlighted = report.highlighted === null || isLine(report.highlighted) ? report.highlighted : undefined;
      const flagged = typeof report.flagged === 'number' && Number.isInteger(report.flagged) && report.flagged >= 0 ? report.flagged : undefined;
      if (!texts || !durations || !milestones || version === undefined || highlighted === undefined || flagged === undefined) return null;
      return { type: 'rendered', report: { version, texts, durations, milestones, flagged, highlighted } };
    }
    default:
      return null;
  }
}
