import { pad, parseZone, wallTimeToUtc, type Zone } from './zones';

/** A calendar date. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A time read from the start of a text, before its date and zone are resolved. */
export interface ParsedTime {
  /** How many characters of the input the time (with its date and zone) takes. */
  length: number;
  date: CivilDate | null;
  hour: number;
  minute: number;
  second: number;
  /** The zone written with the time, if any. */
  zone: Zone | null;
}

export type TimeRead =
  | { kind: 'time'; time: ParsedTime }
  /** Looks like a time but is impossible (e.g. `25:10`, `2024-02-30 10:00`). */
  | { kind: 'invalid'; length: number; message: string }
  /** A date with no time of day. */
  | { kind: 'date-only'; length: number; date: CivilDate }
  | { kind: 'none' };

// All patterns are anchored, sticky-free and without nested quantifiers: linear on any input.
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const DATE_TIME_SEPARATOR = /^(?:T|,?\s{1,3}(?:at\s{1,3})?)(?=\d)/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d|:\d)/;
const MERIDIEM = /^\s?([ap])\.?m\.?(?![a-z])/i;
const NUMERIC_ZONE = /^(?:Z(?![A-Za-z0-9])|\s?[+\-−]\d{2}:?\d{2}(?!\d)|\s?\(?(?:UTC|GMT|UT)(?:\s?[+\-−]\d{1,2}(?::?\d{2})?)?\)?(?![A-Za-z]))/i;
/** Abbreviations only in capitals, so that words such as "pt" or "est" in prose are not read as zones. */
const ABBREVIATED_ZONE = /^\s?\(?[A-Z]{2,5}\)?(?![A-Za-z])/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `Impossible date ${year}-${pad(month)}-${pad(day)}: there is no month ${month}.`;
  if (day < 1 || day > daysInMonth(year, month)) {
    return `Impossible date ${year}-${pad(month)}-${pad(day)}: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days.`;
  }
  return null;
}

/**
 * Reads a timestamp at the very start of `text`: full ISO 8601, `YYYY-MM-DD HH:MM[:SS] [zone]`,
 * or a bare `HH:MM[:SS]` (optionally `am`/`pm`) with an optional zone.
 */
export function readTime(text: string): TimeRead {
  let rest = text;
  let consumed = 0;
  let date: CivilDate | null = null;

  const dateMatch = DATE.exec(rest);
  if (dateMatch) {
    date = { year: Number(dateMatch[1]), month: Number(dateMatch[2]), day: Number(dateMatch[3]) };
    const separator = DATE_TIME_SEPARATOR.exec(rest.slice(dateMatch[0].length));
    if (!separator || !TIME.test(rest.slice(dateMatch[0].length + separator[0].length))) {
      const problem = checkDate(date.year, date.month, date.day);
      if (problem) return { kind: 'invalid', length: dateMatch[0].length, message: problem };
      return { kind: 'date-only', length: dateMatch[0].length, date };
    }
    consumed = dateMatch[0].length + separator[0].length;
    rest = rest.slice(consumed);
  }

  const timeMatch = TIME.exec(rest);
  if (!timeMatch) return { kind: 'none' };
  consumed += timeMatch[0].length;
  rest = rest.slice(timeMatch[0].length);
  let hour = Number(timeMatch[1]);
  const minute = Number(timeMatch[2]);
  const second = Number(timeMatch[3] ?? 0);

  const meridiem = MERIDIEM.exec(rest);
  if (meridiem) {
    if (hour < 1 || hour > 12) {
      return { kind: 'invalid', length: consumed + meridiem[0].length, message: `Impossible time: ${hour} ${meridiem[1]}m.` };
    }
    hour = (hour % 12) + (meridiem[1].toLowerCase() === 'p' ? 12 : 0);
    consumed += meridiem[0].length;
    rest = rest.slice(meridiem[0].length);
  }

  if (date) {
    const problem = checkDate(date.year, date.month, date.day);
    if (problem) return { kind: 'invalid', length: consumed, message: problem };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { kind: 'invalid', length: consumed, message: `Impossible time ${timeMatch[0]}: hours run 0–23, minutes and seconds 0–59.` };
  }

  const zone = readZoneSuffix(rest, date !== null);
  if (zone) consumed += zone.length;
  return { kind: 'time', time: { length: consumed, date, hour, minute, second, zone: zone?.zone ?? null } };
}

/**
 * Reads a zone written right after a time (`Z`, ` UTC`, ` +02:00`, ` (PST)`). `afterFullDate` allows an
 * attached offset (`…T14:02-05:00`); after a bare time `14:02-14:30` is a range, not an offset.
 */
export function readZoneSuffix(text: string, afterFullDate: boolean): { zone: Zone; length: number } | null {
  const match = NUMERIC_ZONE.exec(text) ?? ABBREVIATED_ZONE.exec(text);
  if (!match || (!afterFullDate && /^[+\-−]/.test(match[0]))) return null;
  const zone = parseZone(match[0]);
  return zone ? { zone, length: match[0].length } : null;
}

/** Finds the calendar date in a day heading such as `2024-03-05`, `Tuesday, March 5, 2024` or `5 Mar 2024`. */
export function readDayHeading(text: string): CivilDate | null {
  const iso = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = /\b([a-z]{3})[a-z]{0,6}\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})\b/i.exec(text);
  if (monthFirst) return monthNameDate(monthFirst[1], monthFirst[2], monthFirst[3]);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s{1,3}([a-z]{3})[a-z]{0,6}\.?,?\s{1,3}(\d{4})\b/i.exec(text);
  if (dayFirst) return monthNameDate(dayFirst[2], dayFirst[1], dayFirst[3]);
  return null;
}

function monthNameDate(monthName: string, day: string, year: string): CivilDate | null {
  const month = MONTHS.findIndex((name) => name.toLowerCase() === monthName.toLowerCase()) + 1;
  return month === 0 ? null : validDate(Number(year), month, Number(day));
}

function validDate(year: number, month: number, day: number): CivilDate | null {
  return checkDate(year, month, day) ? null : { year, month, day };
}

/** The wall-clock time of a date and time, encoded as milliseconds as if it were UTC. */
export function wallMs(date: CivilDate, time: Pick<ParsedTime, 'hour' | 'minute' | 'second'>): number {
  return Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
}

export function civilDateOf(wallTimeMs: number): CivilDate {
  const d = new Date(wallTimeMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 UTC with seconds, e.g. `2024-03-05T14:02:00Z`. */
export function toIsoUtc(utcMs: number): string {
  return new Date(utcMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type InstantRead =
  | { kind: 'instant'; utcMs: number; hadZone: boolean }
  | { kind: 'invalid'; message: string };

/**
 * Reads a whole string as an instant (front-matter milestones): a date and a time, with an optional
 * zone; without one, `fallbackZone` applies and `hadZone` is false.
 */
export function readInstant(text: string, fallbackZone: Zone): InstantRead {
  const trimmed = text.trim();
  const read = readTime(trimmed);
  if (read.kind === 'invalid') return { kind: 'invalid', message: read.message };
  if (read.kind === 'date-only') {
    return { kind: 'invalid', message: `"${trimmed}" has a date but no time; write e.g. ${trimmed}T14:02:00Z.` };
  }
  if (read.kind !== 'time' || !read.time.date || read.time.length !== trimmed.length) {
    return { kind: 'invalid', message: `"${trimmed}" is not an ISO 8601 date and time (e.g. 2024-03-05T14:02:00Z).` };
  }
  const zone = read.time.zone ?? fallbackZone;
  return { kind: 'instant', utcMs: wallTimeToUtc(wallMs(read.time.date, read.time), zone), hadZone: read.time.zone !== null };
}
