import { MILESTONES, type Postmortem, type SourceRange } from '../model/types';
import { FORMAT_VERSION, type PostmortemDocument } from './document';
import type { FrontMatterRanges } from '../parse/front-matter';
import { toJsonValue } from './json-value';
import { parsePointer, pointerAndAncestors, toPointer } from '../json-pointer';

/** JSON pointer into the exchange document → the source range that produced the value there. */
export type RangeMap = ReadonlyMap<string, SourceRange>;

export interface ToExchangeOptions {
  /** The source file's name; only its last path segment is written, as `sourceFile`. */
  sourceName?: string;
}

/** Which milestone's range explains each duration (the duration ends there). */
const DURATION_MILESTONE = {
  timeToDetectSeconds: 'detected',
  timeToMitigateSeconds: 'mitigated',
  timeToResolveSeconds: 'resolved',
} as const;

/**
 * The model as a Postmortem Format 1.0 document. Pure and deterministic: the same model gives an
 * equal document with the same key order (the schema's), and nothing depends on the clock.
 */
export function toExchange(model: Postmortem, options: ToExchangeOptions = {}): PostmortemDocument {
  const { metadata } = model;
  const sourceFile = options.sourceName ? baseName(options.sourceName) : '';
  const extensions = toJsonValue(metadata.extra);
  return {
    formatVersion: FORMAT_VERSION,
    ...(sourceFile ? { sourceFile } : {}),
    metadata: {
      title: metadata.title,
      id: metadata.id,
      status: metadata.status,
      severity: metadata.severity,
      timezone: metadata.timezone,
      authors: [...metadata.authors],
      participants: metadata.participants.map((p) => ({ name: p.name, role: p.role, handle: p.handle })),
      services: [...metadata.services],
      tags: [...metadata.tags],
    },
    milestones: {
      started: model.milestones.started?.at ?? null,
      detected: model.milestones.detected?.at ?? null,
      mitigated: model.milestones.mitigated?.at ?? null,
      resolved: model.milestones.resolved?.at ?? null,
    },
    durations: {
      timeToDetectSeconds: model.durations.timeToDetectSeconds,
      timeToMitigateSeconds: model.durations.timeToMitigateSeconds,
      timeToResolveSeconds: model.durations.timeToResolveSeconds,
    },
    sections: model.sections.map((s) => ({ kind: s.kind, heading: s.heading, markdown: s.markdown })),
    timeline: model.timeline.map((e) => ({
      at: e.at,
      timeText: e.timeText,
      source: e.source,
      milestones: [...e.milestones],
      text: e.text,
      zoneOrigin: e.zoneOrigin,
    })),
    actionItems: model.actionItems.map((a) => ({
      text: a.text,
      owner: a.owner,
      due: a.due,
      priority: a.priority,
      status: a.status,
      type: a.type,
      ticket: a.ticket && (a.ticket.key !== null || a.ticket.url !== null) ? { key: a.ticket.key, url: a.ticket.url } : null,
    })),
    extensions: extensions && typeof extensions === 'object' && !Array.isArray(extensions) ? extensions : {},
  };
}

/**
 * The ranges behind a model's exchange document, keyed by JSON pointer. Pass the analysis's front-matter
 * ranges so metadata and extension values can point at their front-matter lines; without them they have
 * no range.
 */
export function exchangeRanges(model: Postmortem, frontMatter: FrontMatterRanges | null = null): Map<string, SourceRange> {
  const ranges = new Map<string, SourceRange>();
  if (frontMatter) {
    ranges.set('/metadata', frontMatter.block);
    ranges.set('/extensions', frontMatter.block);
    for (const [pointer, range] of frontMatter.byPointer) {
      const [key] = parsePointer(pointer);
      const prefix = Object.hasOwn(model.metadata.extra, key) ? '/extensions' : '/metadata';
      ranges.set(prefix + pointer, range);
      if ((MILESTONES as readonly string[]).includes(key)) ranges.set('/milestones' + pointer, range);
    }
  }
  for (const name of MILESTONES) {
    const milestone = model.milestones[name];
    if (milestone) ranges.set(toPointer(['milestones', name]), milestone.range);
  }
  for (const [duration, name] of Object.entries(DURATION_MILESTONE)) {
    const milestone = model.milestones[name];
    if (milestone) ranges.set(toPointer(['durations', duration]), milestone.range);
  }
  model.sections.forEach((section, i) => {
    ranges.set(toPointer(['sections', i]), section.range);
    ranges.set(toPointer(['sections', i, 'heading']), section.headingRange);
  });
  model.timeline.forEach((entry, i) => {
    ranges.set(toPointer(['timeline', i]), entry.range);
    ranges.set(toPointer(['timeline', i, 'at']), entry.timeRange);
    ranges.set(toPointer(['timeline', i, 'timeText']), entry.timeRange);
  });
  model.actionItems.forEach((item, i) => ranges.set(toPointer(['actionItems', i]), item.range));
  return ranges;
}

/** The document and its pointer → range map together. */
export function toExchangeWithRanges(
  model: Postmortem,
  options: ToExchangeOptions & { frontMatter?: FrontMatterRanges | null } = {},
): { document: PostmortemDocument; ranges: Map<string, SourceRange> } {
  return { document: toExchange(model, options), ranges: exchangeRanges(model, options.frontMatter) };
}

/** The range for a pointer: its own, else its nearest ancestor's; null when none has one. */
export function rangeForPointer(ranges: RangeMap, pointer: string): SourceRange | null {
  for (const candidate of pointerAndAncestors(pointer)) {
    const range = ranges.get(candidate);
    if (range) return range;
  }
  return null;
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}
