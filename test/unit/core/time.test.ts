import * as assert from 'node:assert/strict';
import { readDayHeading, readInstant, readTime } from '../../../src/core/time/timestamp';
import { parseZone, UTC, wallTimeToUtc } from '../../../src/core/time/zones';

function timeOf(text: string) {
  const read = readTime(text);
  assert.equal(read.kind, 'time', `${text} should read as a time`);
  return (read as Extract<typeof read, { kind: 'time' }>).time;
}

describe('time: readTime', () => {
  it('reads a bare HH:MM and how long it is', () => {
    const time = timeOf('14:02 [alert] x');
    assert.deepEqual([time.hour, time.minute, time.second, time.length, time.date, time.zone], [14, 2, 0, 5, null, null]);
  });

  it('reads full ISO 8601 with Z and with an offset', () => {
    assert.deepEqual(timeOf('2024-03-05T14:02:00Z').zone, { kind: 'offset', minutes: 0 });
    const offset = timeOf('2024-03-05T14:02:00-05:00 rest');
    assert.deepEqual([offset.zone, offset.length], [{ kind: 'offset', minutes: -300 }, 25]);
  });

  it('reads "YYYY-MM-DD HH:MM[:SS] zone" with UTC, GMT, offsets and abbreviations', () => {
    assert.deepEqual(timeOf('2024-03-05 14:02 UTC').zone, { kind: 'offset', minutes: 0 });
    assert.deepEqual(timeOf('2024-03-05 14:02:33 +02:00').zone, { kind: 'offset', minutes: 120 });
    assert.deepEqual(timeOf('14:02 GMT+2 text').zone, { kind: 'offset', minutes: 120 });
    assert.deepEqual(timeOf('14:02 PDT text').zone, { kind: 'offset', minutes: -420 });
    assert.deepEqual(timeOf('14:02 (UTC) text').zone, { kind: 'offset', minutes: 0 });
    assert.deepEqual(timeOf('14:02 ET').zone, { kind: 'iana', name: 'America/New_York' });
  });

  it('reads 12-hour times', () => {
    assert.equal(timeOf('2:15 PM text').hour, 14);
    assert.equal(timeOf('12:05 am text').hour, 0);
  });

  it('does not read a time range or a lower-case word as a zone', () => {
    assert.equal(timeOf('14:02-14:30 outage').zone, null);
    assert.equal(timeOf('14:02 pt two').zone, null);
    assert.equal(timeOf('14:02 API errors').zone, null);
  });

  it('reports impossible dates and times', () => {
    assert.deepEqual(readTime('25:10 x').kind, 'invalid');
    assert.deepEqual(readTime('10:61 x').kind, 'invalid');
    const feb = readTime('2023-02-29 10:00');
    assert.equal(feb.kind, 'invalid');
    assert.match((feb as { message: string }).message, /2023-02-29.*28 days/);
    assert.equal(readTime('2024-02-29 10:00').kind, 'time');
  });

  it('tells a date without a time and text without a time apart', () => {
    assert.equal(readTime('2024-03-05: config merged').kind, 'date-only');
    assert.equal(readTime('3 engineers joined').kind, 'none');
    assert.equal(readTime('1234:56').kind, 'none');
  });
});

describe('time: zones and day headings', () => {
  it('converts wall-clock time in an IANA zone across daylight saving', () => {
    const winter = wallTimeToUtc(Date.UTC(2024, 0, 15, 12, 0), { kind: 'iana', name: 'Europe/Berlin' });
    const summer = wallTimeToUtc(Date.UTC(2024, 6, 15, 12, 0), { kind: 'iana', name: 'Europe/Berlin' });
    assert.equal(new Date(winter).toISOString(), '2024-01-15T11:00:00.000Z');
    assert.equal(new Date(summer).toISOString(), '2024-07-15T10:00:00.000Z');
  });

  it('knows IANA names and rejects unknown zones', () => {
    assert.deepEqual(parseZone('Europe/Berlin'), { kind: 'iana', name: 'Europe/Berlin' });
    assert.equal(parseZone('Mars/Olympus'), null);
    assert.equal(parseZone('XYZ'), null);
  });

  it('reads day headings in several forms', () => {
    const march5 = { year: 2024, month: 3, day: 5 };
    assert.deepEqual(readDayHeading('2024-03-05'), march5);
    assert.deepEqual(readDayHeading('Tuesday, March 5, 2024'), march5);
    assert.deepEqual(readDayHeading('5th Mar 2024'), march5);
    assert.equal(readDayHeading('Day one'), null);
    assert.equal(readDayHeading('2024-02-31'), null);
  });

  it('reads front-matter instants, with and without a zone', () => {
    assert.deepEqual(readInstant('2024-03-05T14:02:00Z', UTC), { kind: 'instant', utcMs: Date.UTC(2024, 2, 5, 14, 2), hadZone: true });
    assert.deepEqual(readInstant('2024-03-05 14:02', { kind: 'offset', minutes: 60 }), { kind: 'instant', utcMs: Date.UTC(2024, 2, 5, 13, 2), hadZone: false });
    assert.equal(readInstant('yesterday', UTC).kind, 'invalid');
    assert.equal(readInstant('2024-03-05', UTC).kind, 'invalid');
  });
});
