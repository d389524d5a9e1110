import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { toPointer } from '../json-pointer';
import type { Problems } from '../model/problems';
import { MILESTONES, STATUSES, type Metadata, type MilestoneName, type Participant, type SourceRange, type Status } from '../model/types';
import { readInstant } from '../time/timestamp';
import { parseZone, UTC, type Zone } from '../time/zones';
import type { LineIndex } from './line-index';

/** A milestone given in the front matter, resolved to a UTC instant. */
export interface FrontMatterMilestone {
  utcMs: number;
  range: SourceRange;
}

/** Where the front matter and each of its values sit in the source. */
export interface FrontMatterRanges {
  /** The whole block, fences included. */
  block: SourceRange;
  /** JSON pointer into the front matter (`/title`, `/participants/0/name`) → the range of that key and value. */
  byPointer: ReadonlyMap<string, SourceRange>;
}

export interface FrontMatter {
  metadata: Metadata;
  ranges: FrontMatterRanges;
  /** The zone for timestamps that carry none, when the document names one. */
  zone: Zone | null;
  milestones: Partial<Record<MilestoneName, FrontMatterMilestone>>;
}

export interface FrontMatterSource {
  /** The YAML between the fences. */
  value: string;
  /** Offset of `value` in the document. */
  offset: number;
  /** The whole block, fences included. */
  block: SourceRange;
}

const LIST_KEYS = ['authors', 'services', 'tags'] as const;
const STRING_KEYS = ['title', 'id', 'severity'] as const;
const KNOWN_KEYS = new Set<string>([
  ...STRING_KEYS,
  ...LIST_KEYS,
  ...MILESTONES,
  'status',
  'timezone',
  'participants',
]);

export function emptyMetadata(): Metadata {
  return {
    title: null,
    id: null,
    status: null,
    severity: null,
    timezone: null,
    authors: [],
    participants: [],
    services: [],
    tags: [],
    extra: {},
  };
}

/**
 * Reads the YAML front matter into metadata. Every value the model cannot hold (an unknown key, a
 * wrongly typed or invalid value) is kept verbatim in `metadata.extra` and reported as a problem.
 */
export function readFrontMatter(
  source: FrontMatterSource,
  lines: LineIndex,
  problems: Problems,
  severityScale: readonly string[],
): FrontMatter {
  const metadata = emptyMetadata();
  const byPointer = new Map<string, SourceRange>();
  const result: FrontMatter = { metadata, ranges: { block: source.block, byPointer }, zone: null, milestones: {} };
  const rangeOf = (node: { range?: [number, number, number] | null } | null | undefined, fallback: SourceRange): SourceRange =>
    node?.range ? lines.range(source.offset + node.range[0], source.offset + node.range[1]) : fallback;
  const whole = lines.range(source.offset, source.offset + source.value.length);

  // The yaml package keeps its alias-expansion limit (maxAliasCount 100) and, from 2.8.3 on, turns
  // deep nesting into an ordinary error instead of a stack overflow.
  const doc = parseDocument(source.value, { uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors) {
    problems.add(
      'front-matter-syntax',
      'front-matter',
      'error',
      `Front matter is not valid YAML: ${firstLine(error.message)}`,
      lines.range(source.offset + error.pos[0], source.offset + Math.max(error.pos[1], error.pos[0] + 1)),
    );
  }
  if (doc.errors.length > 0) return result;
  if (doc.contents === null) return result;
  collectRanges(doc.contents, [], (pointer, start, end) => byPointer.set(pointer, lines.range(source.offset + start, source.offset + end)));
  if (!isMap(doc.contents)) {
    problems.add('front-matter-syntax', 'front-matter', 'error', 'Front matter must be a mapping of keys to values (e.g. `title: Checkout outage`).', rangeOf(doc.contents, whole));
    return result;
  }

  const pairs = new Map<string, Pair<YamlNode, YamlNode | null>>();
  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (KNOWN_KEYS.has(key)) {
      pairs.set(key, pair);
    } else {
      metadata.extra[key] = pair.value?.toJSON() ?? null;
      problems.add(
        'front-matter-unknown-key',
        'front-matter',
        'warning',
        `Unknown front-matter key "${key}": it is kept and exported under "extensions". Known keys: ${[...KNOWN_KEYS].join(', ')}.`,
        rangeOf(pair.key as YamlNode, whole),
      );
    }
  }

  /** Keeps a value the model cannot hold, so that export loses nothing, and reports it. */
  const reject = (key: string, rule: string, severity: 'error' | 'warning', message: string): void => {
    const pair = pairs.get(key)!;
    metadata.extra[key] = pair.value?.toJSON() ?? null;
    problems.add(rule, 'front-matter', severity, message, rangeOf(pair.value ?? (pair.key as YamlNode), whole));
  };
  const scalarText = (key: string): string | null | undefined => {
    const value = pairs.get(key)?.value;
    if (value === undefined) return undefined;
    if (value === null || (isScalar(value) && value.value === null)) return null;
    if (isScalar(value) && ['string', 'number', 'boolean'].includes(typeof value.value)) return String(value.value).trim();
    reject(key, 'front-matter-type', 'error', `"${key}" must be a single value, not a list or mapping.`);
    return undefined;
  };

  for (const key of STRING_KEYS) {
    const text = scalarText(key);
    if (text) metadata[key] = text;
  }
  if (metadata.severity && severityScale.length > 0 && !severityScale.some((s) => s.toLowerCase() === metadata.severity!.toLowerCase())) {
    const pair = pairs.get('severity')!;
    problems.add(
      'front-matter-value',
      'front-matter',
      'warning',
      `Severity "${metadata.severity}" is not on the configured scale (${severityScale.join(', ')}).`,
      rangeOf(pair.value, whole),
    );
  }

  const status = scalarText('status');
  if (status) {
    const normalized = status.toLowerCase().replace(/[\s_]+/g, '-');
    if ((STATUSES as readonly string[]).includes(normalized)) metadata.status = normalized as Status;
    else reject('status', 'front-matter-value', 'warning', `Status "${status}" is not one of ${STATUSES.join(', ')}; it is kept under "extensions".`);
  }

  const timezone = scalarText('timezone');
  if (timezone) {
    const zone = parseZone(timezone);
    if (zone) {
      metadata.timezone = timezone;
      result.zone = zone;
    } else {
      reject('timezone', 'front-matter-value', 'error', `Unknown time zone "${timezone}": use an IANA name such as "UTC" or "Europe/Berlin".`);
    }
  }

  for (const key of LIST_KEYS) {
    const list = stringList(key);
    if (list) metadata[key] = list;
  }

  if (pairs.has('participants')) readParticipants();

  for (const name of MILESTONES) {
    const text = scalarText(name);
    if (!text) continue;
    const read = readInstant(text, result.zone ?? UTC);
    const range = rangeOf(pairs.get(name)!.value, whole);
    if (read.kind === 'invalid') {
      reject(name, 'front-matter-date', 'error', `"${name}": ${read.message}`);
      continue;
    }
    result.milestones[name] = { utcMs: read.utcMs, range };
    if (!read.hadZone && !result.zone) {
      problems.add('timeline-timezone', 'front-matter', 'warning', `"${name}" has no time zone and the document sets none; it is read as UTC. Add a zone (…Z) or "timezone:" to the front matter.`, range);
    }
  }
  return result;

  function stringList(key: string): string[] | undefined {
    const value = pairs.get(key)?.value;
    if (value === undefined || value === null) return undefined;
    if (isScalar(value)) {
      if (value.value === null) return [];
      return String(value.value).split(',').map((s) => s.trim()).filter(Boolean);
    }
    if (isSeq(value) && value.items.every((item) => isScalar(item) && item.value !== null && typeof item.value !== 'object')) {
      return value.items.map((item) => String((item as { value: unknown }).value).trim());
    }
    reject(key, 'front-matter-type', 'error', `"${key}" must be a list of names (e.g. [${key === 'tags' ? 'database, deploy' : 'Dana Scully'}]).`);
    return undefined;
  }

  function readParticipants(): void {
    const value = pairs.get('participants')!.value;
    if (!isSeq(value)) {
      reject('participants', 'front-matter-type', 'error', '"participants" must be a list of people: `- name: Dana Scully` with optional `role:` and `handle:`.');
      return;
    }
    const kept: unknown[] = [];
    for (const item of value.items as YamlNode[]) {
      const participant = readParticipant(item);
      if (participant) {
        metadata.participants.push(participant);
      } else {
        kept.push(item.toJSON());
        problems.add(
          'front-matter-type',
          'front-matter',
          'error',
          'A participant needs a name: write `- name: Dana Scully` (with optional `role:` and `handle:`) or `- Dana Scully (incident commander) @dana`.',
          rangeOf(item, whole),
        );
      }
    }
    if (kept.length > 0) metadata.extra.participants = kept;
  }
}

const PARTICIPANT_TEXT = /^([^(@]*?)\s*(?:\(([^)]*)\))?\s*(?:@([\w.-]+))?\s*$/;

function readParticipant(node: YamlNode): Participant | null {
  if (isScalar(node) && typeof node.value === 'string') {
    const match = PARTICIPANT_TEXT.exec(node.value.trim());
    if (!match || (!match[1] && !match[3])) return null;
    return { name: match[1] || match[3], role: match[2]?.trim() || null, handle: match[3] ?? null };
  }
  if (!isMap(node)) return null;
  const data = node.toJSON() as Record<string, unknown>;
  const text = (key: string): string | null => (typeof data[key] === 'string' && (data[key] as string).trim() ? (data[key] as string).trim() : null);
  const name = text('name');
  if (!name) return null;
  const handle = text('handle');
  return { name, role: text('role'), handle: handle ? handle.replace(/^@/, '') : null };
}

/** Reports the range of every key-and-value and list item under `node`, by JSON pointer. */
function collectRanges(node: unknown, path: (string | number)[], report: (pointer: string, start: number, end: number) => void): void {
  if (isMap(node)) {
    for (const pair of node.items as Pair<YamlNode, YamlNode | null>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const childPath = [...path, String(pair.key.value)];
      report(toPointer(childPath), pair.key.range[0], pair.value?.range?.[1] ?? pair.key.range[1]);
      collectRanges(pair.value, childPath, report);
    }
  } else if (isSeq(node)) {
    (node.items as (YamlNode | null)[]).forEach((item, index) => {
      if (item?.range) report(toPointer([...path, index]), item.range[0], item.range[1]);
      collectRanges(item, [...path, index], report);
    });
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
