import { describe, expect, it } from 'vitest';
import { nextDailyRun } from '#core/time/daily.ts';

// R4.3: the healthcheck's 08:00 America/New_York, as a time-zone-aware daily cron fires it.

const NY = 'America/New_York';
const next = (after: string) => new Date(nextDailyRun(Date.parse(after), 8, 0, NY)).toISOString();

describe('R4.3 next healthcheck run at 08:00 America/New_York', () => {
  it('is 13:00 UTC on an ordinary winter day and 12:00 UTC on an ordinary summer day', () => {
    expect(next('2026-12-01T00:00:00Z')).toBe('2026-12-01T13:00:00.000Z');
    expect(next('2026-07-15T05:00:00Z')).toBe('2026-07-15T12:00:00.000Z');
  });

  it('is 12:00 UTC on the spring-forward day 2026-03-08, after 13:00 UTC the day before', () => {
    expect(next('2026-03-07T12:00:00Z')).toBe('2026-03-07T13:00:00.000Z');
    expect(next('2026-03-07T13:00:00Z')).toBe('2026-03-08T12:00:00.000Z');
  });

  it('is 13:00 UTC on the fall-back day 2026-11-01, after 12:00 UTC the day before', () => {
    expect(next('2026-10-31T11:59:00Z')).toBe('2026-10-31T12:00:00.000Z');
    expect(next('2026-10-31T12:00:00Z')).toBe('2026-11-01T13:00:00.000Z');
  });

  it('is strictly after the given instant, so a run at 08:00 arms the next day', () => {
    expect(next('2026-12-01T13:00:00Z')).toBe('2026-12-02T13:00:00.000Z');
    expect(next('2026-12-01T12:59:59.999Z')).toBe('2026-12-01T13:00:00.000Z');
  });

  it('is the next local day when New York is already past 08:00 but UTC is not yet past midnight', () => {
    // 2026-12-01 23:30 New York = 2026-12-02 04:30 UTC.
    expect(next('2026-12-02T04:30:00Z')).toBe('2026-12-02T13:00:00.000Z');
  });

  it('runs once on every day across both 2026 DST changes', () => {
    let at = Date.parse('2026-03-01T00:00:00Z');
    const hours = new Set<number>();
    for (let day = 0; day < 280; day++) {
      const run = nextDailyRun(at, 8, 0, NY);
      expect(run - at).toBeLessThanOrEqual(25 * 3_600_000);
      hours.add(new Date(run).getUTCHours());
      at = run;
    }
    expect([...hours].sort()).toEqual([12, 13]);
  });
});
