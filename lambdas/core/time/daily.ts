import type { Instant } from '../model.ts';
import { localDateTime, zonedToUtc } from './zoned.ts';

const DAY = 86_400_000;

/**
 * The first instant strictly after `after` whose wall clock in `timeZone` reads `hour:minute` — what
 * a time-zone-aware daily cron (`cron(m h * * ? *)` with a schedule time zone) fires at, DST included.
 * A wall time skipped by a spring-forward fires at the first instant after the gap.
 */
export function nextDailyRun(after: Instant, hour: number, minute: number, timeZone: string): Instant {
  const today = localDateTime(after, timeZone);
  // Today's and the next two local dates: one of them always lies after `after`.
  for (let days = 0; days < 3; days++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day) + days * DAY);
    const at = zonedToUtc(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour,
        minute,
        second: 0,
      },
      timeZone,
    );
    if (at > after) return at;
  }
  throw new Error(`no ${hour}:${minute} in ${timeZone} after ${new Date(after).toISOString()}`);
}
