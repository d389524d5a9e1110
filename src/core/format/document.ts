/**
 * The Postmortem Format 1.0 exchange document as TypeScript types. The JSON Schema in
 * `schemas/postmortem-1.0.schema.json` is the contract; these types mirror it, and the property order
 * here is the order the exporter writes (a unit test keeps both in step).
 */
import type { ActionType, MilestoneName, SectionKind, Status, ZoneOrigin } from '../model/types';

export const FORMAT_VERSION = '1.0';

export { SECTION_KINDS, ZONE_ORIGINS } from '../model/types';

/** A JSON value, as the `extensions` object holds. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DocumentMetadata {
  title: string | null;
  id: string | null;
  status: Status | null;
  severity: string | null;
  timezone: string | null;
  authors: string[];
  participants: { name: string; role: string | null; handle: string | null }[];
  services: string[];
  tags: string[];
}

export interface DocumentSection {
  kind: SectionKind;
  heading: string;
  markdown: string;
}

export interface DocumentTimelineEntry {
  at: string | null;
  timeText: string;
  source: string | null;
  milestones: MilestoneName[];
  text: string;
  zoneOrigin: ZoneOrigin;
}

export interface DocumentActionItem {
  text: string;
  owner: string | null;
  due: string | null;
  priority: string | null;
  status: 'open' | 'done';
  type: ActionType | null;
  ticket: { key: string | null; url: string | null } | null;
}

export interface PostmortemDocument {
  formatVersion: typeof FORMAT_VERSION;
  sourceFile?: string;
  metadata: DocumentMetadata;
  milestones: Record<MilestoneName, string | null>;
  durations: {
    timeToDetectSeconds: number | null;
    timeToMitigateSeconds: number | null;
    timeToResolveSeconds: number | null;
  };
  sections: DocumentSection[];
  timeline: DocumentTimelineEntry[];
  actionItems: DocumentActionItem[];
  extensions: { [key: string]: JsonValue };
}

export type ExchangeFormat = 'json' | 'yaml';
export const EXCHANGE_FORMATS: readonly ExchangeFormat[] = ['json', 'yaml'];
