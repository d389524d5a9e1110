import { MILESTONES, type MilestoneName, type TimelineEntry } from '../model/types';
import type { Rule } from './types';

/** "14:05" or "2024-03-05 14:05 UTC" as written, for messages. */
function when(entry: TimelineEntry): string {
  return entry.timeText.trim();
}

function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

export const timelineOrder: Rule = {
  id: 'timeline-order',
  category: 'timeline',
  defaultSeverity: 'warning',
  description: 'Timeline entries out of chronological order.',
  docsUrl: 'docs/rules/timeline-order.md',
  check(context) {
    let previous: TimelineEntry | null = null;
    for (const entry of context.analysis.model.timeline) {
      if (entry.at === null) continue;
      if (previous && Date.parse(entry.at) < Date.parse(previous.at!)) {
        context.report({
          start: entry.timeRange.start.offset,
          end: entry.timeRange.end.offset,
          message: `Out of order: ${when(entry)} (${entry.at}) comes after ${when(previous)} (${previous.at}, line ${previous.range.start.line}) but is earlier. Move the entry, or check its date and zone.`,
        });
        continue; // compare the next entry with the latest time seen so far
      }
      previous = entry;
    }
  },
};

export const timelineTimezone: Rule = {
  id: 'timeline-timezone',
  category: 'timeline',
  defaultSeverity: 'warning',
  description: 'A timestamp with no time zone while the document names none (read as UTC).',
  docsUrl: 'docs/rules/timeline-timezone.md',
  check(context) {
    // The parser reports this problem itself (analysis.problems, same id); lint passes those through
    // and drops duplicates, so this check only covers an analysis made without it.
    const { model, problems } = context.analysis;
    if (problems.some((problem) => problem.rule === 'timeline-timezone') || model.metadata.timezone) return;
    for (const entry of model.timeline) {
      if (entry.zoneOrigin !== 'assumed-utc' || entry.at === null) continue;
      context.report({
        start: entry.timeRange.start.offset,
        end: entry.timeRange.end.offset,
        message: `"${when(entry)}" has no time zone and the document sets none; it is read as UTC. Write the zone or add "timezone:" to the front matter.`,
      });
    }
  },
};

export const timelineGap: Rule = {
  id: 'timeline-gap',
  category: 'timeline',
  defaultSeverity: 'information',
  description: 'A long unexplained gap in the timeline before detection.',
  docsUrl: 'docs/rules/timeline-gap.md',
  check(context) {
    const { model } = context.analysis;
    const detected = model.milestones.detected ? Date.parse(model.milestones.detected.at) : null;
    const threshold = context.config.timelineGapMinutes * 60000;
    const entries = model.timeline.filter((entry) => entry.at !== null).sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
    for (let i = 1; i < entries.length; i++) {
      const before = Date.parse(entries[i - 1].at!);
      const after = Date.parse(entries[i].at!);
      if (detected !== null && after > detected) break;
      if (after - before < threshold) continue;
      context.report({
        start: entries[i].timeRange.start.offset,
        end: entries[i].timeRange.end.offset,
        message: `${minutesText(after - before)} pass between ${when(entries[i - 1])} and ${when(entries[i])}${detected !== null ? ' before detection' : ''} with nothing in the timeline. Say what happened or was visible then (even "no alert fired"): gaps before detection are where the learning is.`,
      });
    }
  },
};

export const milestoneOrder: Rule = {
  id: 'milestone-order',
  category: 'timeline',
  defaultSeverity: 'warning',
  description: 'Milestones out of order: detected before started, resolved before mitigated…',
  docsUrl: 'docs/rules/milestone-order.md',
  check(context) {
    const { milestones } = context.analysis.model;
    const known = MILESTONES.filter((name) => milestones[name] !== null);
    for (let j = 1; j < known.length; j++) {
      const later: MilestoneName = known[j];
      // Compare with every earlier milestone; report the first that comes after it.
      for (let i = 0; i < j; i++) {
        const earlier: MilestoneName = known[i];
        const a = milestones[earlier]!;
        const b = milestones[later]!;
        if (Date.parse(b.at) < Date.parse(a.at)) {
          context.report({
            start: b.range.start.offset,
            end: b.range.end.offset,
            message: `${later} (${b.at}) is before ${earlier} (${a.at}, line ${a.range.start.line}): milestones go started → detected → mitigated → resolved. Check the times, dates and zones.`,
          });
          break;
        }
      }
    }
  },
};
