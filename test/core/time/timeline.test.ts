import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeWindow,
  DAY,
  deletionAfterCancellation,
  deletionAt,
  HOUR,
  MINUTE,
  messageAt,
  programmingTime,
  provisionAt,
} from '#core/time/timeline.ts';
import { localDateTime, zonedToUtc } from '#core/time/zoned.ts';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'] as const;

// A stay with local check-in/out times in one of the zones, booked some time before (or after) arrival.
const stay = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    checkIn: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
    nights: fc.integer({ min: 1, max: 30 }),
    checkInHour: fc.integer({ min: 0, max: 23 }),
    checkOutHour: fc.integer({ min: 0, max: 23 }),
    bufferBeforeMinutes: fc.integer({ min: 0, max: 240 }),
    bufferAfterMinutes: fc.integer({ min: 0, max: 240 }),
    bookedBefore: fc.integer({ min: -2 * DAY, max: 60 * DAY }),
  })
  .map((s) => {
    const day = localDateTime(s.checkIn, s.tz);
    const checkIn = zonedToUtc({ ...day, hour: s.checkInHour, minute: 0, second: 0 }, s.tz);
    const out = localDateTime(checkIn + s.nights * DAY, s.tz);
    const checkOut = zonedToUtc({ ...out, hour: s.checkOutHour, minute: 0, second: 0 }, s.tz);
    return { ...s, checkIn, checkOut, now: checkIn - s.bookedBefore };
  });

describe('R2.1 the code window', () => {
  it('opens bufferBefore before check-in and closes bufferAfter after check-out, in any zone', () => {
    fc.assert(
      fc.property(stay, (s) => {
        const w = codeWindow(s, s);
        expect(w.activeFrom).toBe(s.checkIn - s.bufferBeforeMinutes * MINUTE);
        expect(w.activeUntil).toBe(s.checkOut + s.bufferAfterMinutes * MINUTE);
      }),
    );
  });
});

describe('R2.3 programming time', () => {
  it('programs a natively-scheduling lock three days before activeFrom, or at once when later', () => {
    fc.assert(
      fc.property(stay, (s) => {
        const w = codeWindow(s, s);
        const at = programmingTime(w, true, s.now);
        expect(at).toBe(s.now > w.activeFrom - 3 * DAY ? s.now : w.activeFrom - 72 * HOUR);
      }),
    );
  });

  it('programs other locks ten minutes before activeFrom, or at once when later', () => {
    fc.assert(
      fc.property(stay, (s) => {
        const w = codeWindow(s, s);
        expect(programmingTime(w, false, s.now)).toBe(Math.max(s.now, w.activeFrom - 10 * MINUTE));
      }),
    );
  });

  it('provisions a property at its earliest lock and never in the past', () => {
    fc.assert(
      fc.property(stay, fc.array(fc.boolean(), { maxLength: 4 }), (s, natives) => {
        const w = codeWindow(s, s);
        const at = provisionAt(w, natives, s.now);
        expect(at).toBeGreaterThanOrEqual(s.now);
        const expected = natives.some(Boolean)
          ? programmingTime(w, true, s.now)
          : programmingTime(w, false, s.now);
        expect(at).toBe(expected);
      }),
    );
  });
});

describe('R5.1 message time', () => {
  it('sends the code message ten minutes before activeFrom, or at once for a late booking', () => {
    fc.assert(
      fc.property(stay, (s) => {
        const w = codeWindow(s, s);
        expect(messageAt(w, s.now)).toBe(Math.max(s.now, w.activeFrom - 10 * MINUTE));
      }),
    );
  });
});

describe('R7.2 deletion time', () => {
  it('deletes 24 elapsed hours after activeUntil, even across a DST change', () => {
    // Sydney leaves DST on 2026-04-05: a 24-hour delay ends at 10:30 local, not 11:30.
    const w = {
      activeFrom: Date.parse('2026-04-01T03:00:00Z'),
      activeUntil: Date.parse('2026-04-04T00:30:00Z'),
    };
    expect(new Date(deletionAt(w)).toISOString()).toBe('2026-04-05T00:30:00.000Z');
    fc.assert(
      fc.property(stay, (s) => {
        expect(deletionAt(codeWindow(s, s))).toBe(codeWindow(s, s).activeUntil + DAY);
      }),
    );
  });

  it('deletes a cancelled reservation 24 hours after the cancellation', () => {
    expect(deletionAfterCancellation(Date.parse('2026-12-02T10:00:00Z'))).toBe(
      Date.parse('2026-12-03T10:00:00Z'),
    );
  });
});
