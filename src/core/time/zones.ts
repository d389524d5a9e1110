import abbreviations from './zone-abbreviations.json';

/** A time zone as the parser understands it: a fixed UTC offset or an IANA zone. */
export type Zone = { kind: 'offset'; minutes: number } | { kind: 'iana'; name: string };

export const UTC: Zone = { kind: 'offset', minutes: 0 };

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(name: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(name);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(name, formatter);
  }
  return formatter;
}

/** Whether `name` is an IANA zone this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isIanaZone(name: string): boolean {
  return formatterFor(name) !== null;
}

/**
 * Reads a zone suffix such as `Z`, `UTC`, `GMT+2`, `+02:00`, `-0530`, `PST` or `(UTC)`.
 * Returns null when the text is not a zone this parser knows.
 */
export function parseZone(text: string): Zone | null {
  const trimmed = text.trim().replace(/^\((.*)\)$/, '$1').replace(/^\[(.*)\]$/, '$1').trim();
  const offset = /^(?:(?:UTC|GMT|UT)\s?)?([+\-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    const sign = offset[1] === '+' ? 1 : -1;
    return { kind: 'offset', minutes: sign * (hours * 60 + minutes) };
  }
  const known = (abbreviations as Record<string, number | string>)[trimmed.toUpperCase()];
  if (typeof known === 'number') return { kind: 'offset', minutes: known };
  if (typeof known === 'string') return { kind: 'iana', name: known };
  if (trimmed.includes('/') && isIanaZone(trimmed)) return { kind: 'iana', name: trimmed };
  return null;
}

/** Offset of an IANA zone from UTC, in minutes, at the given instant. */
function ianaOffsetMinutes(name: string, utcMs: number): number {
  const formatter = formatterFor(name);
  if (!formatter) return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** Offset of a zone from UTC, in minutes, at the given instant. */
export function offsetMinutesAt(zone: Zone, utcMs: number): number {
  return zone.kind === 'offset' ? zone.minutes : ianaOffsetMinutes(zone.name, utcMs);
}

/**
 * Converts a wall-clock time in `zone` to a UTC instant (ms). `wallMs` is the wall-clock time
 * encoded as if it were UTC. In a daylight-saving gap or overlap the earlier offset wins.
 */
export function wallTimeToUtc(wallMs: number, zone: Zone): number {
  if (zone.kind === 'offset') return wallMs - zone.minutes * 60000;
  const first = wallMs - ianaOffsetMinutes(zone.name, wallMs) * 60000;
  return wallMs - ianaOffsetMinutes(zone.name, first) * 60000;
}

/** The wall-clock time (encoded as if UTC) that a UTC instant shows in `zone`. */
export function utcToWallTime(utcMs: number, zone: Zone): number {
  return utcMs + offsetMinutesAt(zone, utcMs) * 60000;
}

/** A readable name for messages: `UTC`, `UTC+02:00`, `Europe/Berlin`. */
export function zoneLabel(zone: Zone): string {
  if (zone.kind === 'iana') return zone.name;
  if (zone.minutes === 0) return 'UTC';
  const sign = zone.minutes < 0 ? '-' : '+';
  const abs = Math.abs(zone.minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
