import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTime, parseDateTime, zonedToUtc } from '#core/time/zoned.ts';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'] as const;
const zone = fc.constantFrom(...ZONES);
// 2025–2028: several DST changes each way in every zone.
const instant = fc.integer({
  min: Date.parse('2025-01-01T00:00:00Z'),
  max: Date.parse('2028-12-31T00:00:00Z'),
});
const toSecond = (t: number) => Math.floor(t / 1000) * 1000;

describe('R2 check-in and check-out read in the property time zone', () => {
  it('maps every wall-clock reading back to an instant that shows the same reading', () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const local = localDateTime(toSecond(t), tz);
        expect(localDateTime(zonedToUtc(local, tz), tz)).toEqual(local);
      }),
    );
  });

  it('picks the first occurrence of an ambiguous time, never a later one', () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const exact = toSecond(t);
        expect(zonedToUtc(localDateTime(exact, tz), tz)).toBeLessThanOrEqual(exact);
      }),
    );
  });

  it.each([
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'], // skipped hour: 03:30 EDT
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'], // repeated hour: EDT first
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'], // skipped hour: 03:30 CEST
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'], // repeated hour: CEST first
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:30:00.000Z'], // skipped hour: 03:30 AEDT
    ['Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30:00.000Z'], // repeated hour: AEDT first
  ])('reads %s %s across a DST change as %s', (tz, local, expected) => {
    expect(new Date(parseDateTime(local, tz) ?? 0).toISOString()).toBe(expected);
  });

  it('takes an explicit offset as the instant it names, whatever the zone', () => {
    expect(parseDateTime('2026-12-04T16:00:00-05:00', 'Australia/Sydney')).toBe(
      Date.parse('2026-12-04T21:00:00Z'),
    );
  });

  it.each(['2026-13-01T10:00', '2026-12-04', 'tomorrow', '2026-12-04T25:00', '2026-12-04T10:00+5'])(
    'refuses %s',
    (text) => expect(parseDateTime(text, 'Europe/Berlin')).toBeUndefined(),
  );
});
