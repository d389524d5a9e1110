import type { FrontMatterMilestone } from '../parse/front-matter';
import { toIsoUtc } from '../time/timestamp';
import type { Problems } from './problems';
import { MILESTONES, type Durations, type Milestones, type TimelineEntry } from './types';

/**
 * Decides each milestone from the front matter and the timeline's `{marker}`s. Where both give one
 * and they disagree, the front matter (the author's deliberate summary) wins and the timeline
 * marker gets a `milestone-conflict` problem.
 */
export function resolveMilestones(
  timeline: TimelineEntry[],
  frontMatter: Partial<Record<(typeof MILESTONES)[number], FrontMatterMilestone>>,
  problems: Problems,
): { milestones: Milestones; durations: Durations } {
  const milestones = { started: null, detected: null, mitigated: null, resolved: null } as Milestones;
  for (const name of MILESTONES) {
    const marked = timeline.filter((entry) => entry.at !== null && entry.milestones.includes(name));
    for (const duplicate of marked.slice(1)) {
      problems.add('milestone-duplicate', 'milestones', 'warning', `{${name}} is marked more than once; the first mark (${marked[0].timeText}, line ${marked[0].range.start.line}) is used.`, duplicate.range);
    }
    const entry = marked[0];
    const declared = frontMatter[name];
    if (declared && entry && Date.parse(entry.at!) !== declared.utcMs) {
      problems.add(
        'milestone-conflict',
        'milestones',
        'warning',
        `{${name}} marks ${entry.at} but the front matter says ${name}: ${toIsoUtc(declared.utcMs)} (line ${declared.range.start.line}); the front matter's value is used.`,
        entry.range,
      );
    }
    if (declared && (!entry || Date.parse(entry.at!) !== declared.utcMs)) {
      milestones[name] = { at: toIsoUtc(declared.utcMs), origin: 'front-matter', range: declared.range };
    } else if (entry) {
      milestones[name] = { at: entry.at!, origin: 'timeline', range: entry.range };
    }
  }
  const started = milestones.started ? Date.parse(milestones.started.at) : null;
  const since = (name: 'detected' | 'mitigated' | 'resolved'): number | null =>
    started === null || !milestones[name] ? null : Math.round((Date.parse(milestones[name]!.at) - started) / 1000);
  return {
    milestones,
    durations: { timeToDetectSeconds: since('detected'), timeToMitigateSeconds: since('mitigated'), timeToResolveSeconds: since('resolved') },
  };
}
