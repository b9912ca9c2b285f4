import { describe, expect, it } from 'vitest';
import { ALWAYS_SPAN, type GuestWindow, staffWindows, turnoverWindows } from '#core/staff/staff-windows.ts';
import { HOUR } from '#core/time/timeline.ts';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const at = (hours: number) => T0 + hours * HOUR;
const stay = (reservationId: string, fromHour: number, untilHour: number): GuestWindow => ({
  reservationId,
  activeFrom: at(fromHour),
  activeUntil: at(untilHour),
});
const hoursOf = (windows: { follows: string; activeFrom: number; activeUntil: number }[]) =>
  windows.map((w) => [w.follows, (w.activeFrom - T0) / HOUR, (w.activeUntil - T0) / HOUR]);

describe('R12.1 turnover windows', () => {
  it('covers each gap from one stay’s window end to the next stay’s window start', () => {
    const windows = turnoverWindows([stay('b', 60, 100), stay('a', 10, 40)], 6, T0);
    expect(hoursOf(windows)).toEqual([
      ['a', 40, 60],
      ['b', 100, 106],
    ]);
  });

  it('lasts hoursWhenNoNextStay after the last stay', () => {
    expect(hoursOf(turnoverWindows([stay('a', 10, 40)], 3, T0))).toEqual([['a', 40, 43]]);
  });

  it('gives no window between stays back to back (an empty gap)', () => {
    const windows = turnoverWindows([stay('a', 10, 40), stay('b', 40, 70)], 4, T0);
    expect(hoursOf(windows)).toEqual([['b', 70, 74]]);
  });

  it('follows the windows as given, buffers included: the gap is between the buffered windows (R2.1)', () => {
    // Check-out 11:00 with 30 minutes after, next check-in 16:00 with 60 minutes before.
    const windows = turnoverWindows([stay('a', 0, 11.5), stay('b', 15, 40)], 4, T0);
    expect(hoursOf(windows)[0]).toEqual(['a', 11.5, 15]);
  });

  it('gives no window after a stay that ends inside another stay (overlapping input)', () => {
    const windows = turnoverWindows(
      [stay('long', 10, 80), stay('short', 20, 30), stay('next', 90, 100)],
      4,
      T0,
    );
    expect(hoursOf(windows)).toEqual([
      ['long', 80, 90],
      ['next', 100, 104],
    ]);
  });

  it('gives two stays ending at the same instant one turnover, named after the first by id', () => {
    const windows = turnoverWindows([stay('z', 0, 20), stay('m', 5, 20), stay('n', 30, 40)], 4, T0);
    expect(hoursOf(windows)).toEqual([
      ['m', 20, 30],
      ['n', 40, 44],
    ]);
  });

  it('leaves out windows already over, and keeps the one running now', () => {
    const stays = [stay('a', 0, 10), stay('b', 20, 30), stay('c', 50, 60)];
    expect(hoursOf(turnoverWindows(stays, 4, at(35)))).toEqual([
      ['b', 30, 50],
      ['c', 60, 64],
    ]);
  });

  it('gives nothing for a property with no stays', () => {
    expect(turnoverWindows([], 4, T0)).toEqual([]);
  });
});

describe('R12.1 staff schedules', () => {
  it('`always` is one window from the staff member’s creation with no practical end', () => {
    const member = { schedule: 'always' as const, createdAt: at(5) };
    expect(staffWindows(member, [stay('a', 10, 20)], at(6))).toEqual([
      { follows: 'always', activeFrom: at(5), activeUntil: at(5) + ALWAYS_SPAN },
    ]);
  });

  it('`turnovers` without hoursWhenNoNextStay lasts 4 hours after the last stay', () => {
    const member = { schedule: 'turnovers' as const, createdAt: T0 };
    expect(hoursOf(staffWindows(member, [stay('a', 10, 20)], T0))).toEqual([['a', 20, 24]]);
  });
});
