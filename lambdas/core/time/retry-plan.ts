import type { Instant } from '../model.ts';
import { DAY, MINUTE } from './timeline.ts';
import { localDateTime, zonedToUtc } from './zoned.ts';

// R4.1: a failed attempt is retried 4 more times the same local day, then once a day.

export const SAME_DAY_RETRIES = 4;
/** Gaps before the same-day retries: quick at first, in case the lock only blinked. */
const SAME_DAY_BACKOFF = [5 * MINUTE, 15 * MINUTE, 45 * MINUTE, 2 * 60 * MINUTE] as const;

function startOfNextLocalDay(instant: Instant, timeZone: string): Instant {
  const t = localDateTime(instant, timeZone);
  const nextDay = new Date(Date.UTC(t.year, t.month - 1, t.day + 1));
  return zonedToUtc(
    {
      year: nextDay.getUTCFullYear(),
      month: nextDay.getUTCMonth() + 1,
      day: nextDay.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

const sameLocalDay = (a: Instant, b: Instant, timeZone: string): boolean => {
  const x = localDateTime(a, timeZone);
  const y = localDateTime(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

/**
 * When the next attempt should run, given the instants of the attempts made so far (oldest first,
 * at least one), or undefined when the code's window has ended (R4.1: "until set or window ends").
 * Same-day retries are squeezed to fit before local midnight; daily retries keep the first
 * attempt's time of day.
 */
export function nextAttemptAt(
  attempts: readonly Instant[],
  now: Instant,
  timeZone: string,
  activeUntil: Instant,
): Instant | undefined {
  const first = attempts[0];
  if (first === undefined) return now;
  const sameDay = attempts.filter((a) => sameLocalDay(a, first, timeZone)).length;
  const retriesLeftToday = SAME_DAY_RETRIES + 1 - sameDay;
  let next: Instant;
  if (retriesLeftToday > 0 && sameLocalDay(now, first, timeZone)) {
    const midnight = startOfNextLocalDay(now, timeZone);
    const gap = SAME_DAY_BACKOFF[SAME_DAY_RETRIES - retriesLeftToday] ?? SAME_DAY_BACKOFF[0];
    const fit = Math.floor((midnight - now) / (retriesLeftToday + 1));
    next = now + Math.max(MINUTE, Math.min(gap, fit));
  } else {
    const last = attempts[attempts.length - 1] ?? first;
    next = first + (Math.floor((Math.max(now, last) - first) / DAY) + 1) * DAY;
  }
  return next < activeUntil ? next : undefined;
}
