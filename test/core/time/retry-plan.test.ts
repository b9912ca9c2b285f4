import { describe, expect, it } from 'vitest';
import { nextAttemptAt } from '#core/time/retry-plan.ts';
import { localDateTime } from '#core/time/zoned.ts';

const TZ = 'America/New_York';
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

/** Replays R4.1 for a lock that never takes the code: the instants of every attempt. */
function attemptsFrom(first: number, until: number, max = 20): number[] {
  const attempts = [first];
  for (;;) {
    const last = attempts[attempts.length - 1] ?? first;
    const next = nextAttemptAt(attempts, last, TZ, until);
    if (next === undefined || attempts.length >= max) return attempts;
    attempts.push(next);
  }
}

describe('R4.1 retry plan', () => {
  it('retries 4 more times on the same local day, then once a day until the window ends', () => {
    const first = Date.parse('2026-12-01T14:00:00Z'); // 09:00 in New York
    const attempts = attemptsFrom(first, Date.parse('2026-12-05T20:00:00Z'));
    const days = attempts.map((t) => localDateTime(t, TZ).day);
    expect(days).toEqual([1, 1, 1, 1, 1, 2, 3, 4, 5]);
    expect(attempts.slice(5).map(iso)).toEqual([
      '2026-12-02T14:00:00.000Z',
      '2026-12-03T14:00:00.000Z',
      '2026-12-04T14:00:00.000Z',
      '2026-12-05T14:00:00.000Z',
    ]);
  });

  it('squeezes the same-day retries in before local midnight', () => {
    const first = Date.parse('2026-12-02T04:30:00Z'); // 23:30 in New York
    const attempts = attemptsFrom(first, Date.parse('2026-12-10T00:00:00Z'));
    expect(attempts.slice(0, 5).every((t) => localDateTime(t, TZ).day === 1)).toBe(true);
    expect(localDateTime(attempts[5] ?? 0, TZ).day).toBe(2);
  });

  it('stops planning once the window has ended', () => {
    const first = Date.parse('2026-12-01T14:00:00Z');
    expect(nextAttemptAt([first], first, TZ, first + 60_000)).toBeUndefined();
  });
});
