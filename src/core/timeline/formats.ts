/** The timeline as data for other tools (`postmortem timeline --format json`) and as a Markdown table. */
import { MILESTONES, type MilestoneName } from '../model/types';
import type { TimelineView } from './view-model';

/**
 * The JSON shape `postmortem timeline` prints. Other tools consume it: keep it stable (add nothing to
 * it without a version bump). Entries are the placed ones, in chronological order.
 */
export interface TimelineJson {
  entries: { at: string; text: string; source: string | null; milestone: MilestoneName | null; line: number }[];
  milestones: Record<MilestoneName, string | null>;
  durations: { timeToDetectSeconds: number | null; timeToMitigateSeconds: number | null; timeToResolveSeconds: number | null };
}

export function timelineJson(view: TimelineView): TimelineJson {
  const milestones = {} as Record<MilestoneName, string | null>;
  for (const name of MILESTONES) milestones[name] = view.milestones[name]?.at ?? null;
  return {
    entries: view.entries.map((e) => ({
      at: e.at,
      text: e.text,
      source: e.source,
      // An entry marking several milestones (rare: "{mitigated} {resolved}") names the first.
      milestone: e.milestones[0] ?? null,
      line: e.line,
    })),
    milestones,
    durations: {
      timeToDetectSeconds: view.durations.timeToDetectSeconds,
      timeToMitigateSeconds: view.durations.timeToMitigateSeconds,
      timeToResolveSeconds: view.durations.timeToResolveSeconds,
    },
  };
}

/** A table cell: one line, pipes escaped. The text stays Markdown. */
function cell(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/\\?\|/g, '\\|').trim();
}

/**
 * The timeline as a GFM table in chronological order: `| Time (UTC) | Source | Event | Milestone |`.
 * Times carry their date where the timeline spans more than one UTC day.
 */
export function timelineMarkdown(view: TimelineView): string {
  const manyDays = view.days.length > 1;
  const rows = view.entries.map((e) => {
    const time = manyDays ? `${e.day} ${e.utcTime}` : e.utcTime;
    return `| ${time} | ${cell(e.source ?? '')} | ${cell(e.text)} | ${e.milestones.join(', ')} |`;
  });
  const header = manyDays || view.entries.length === 0 ? '| Time (UTC) | Source | Event | Milestone |' : `| Time (UTC, ${view.entries[0].day}) | Source | Event | Milestone |`;
  return [header, '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
