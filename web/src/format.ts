// Times as the host reads them: in the property's time zone, in the browser's language.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
  locale?: string,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

const asDate = (at: string | number | Date) => (at instanceof Date ? at : new Date(at));

/** "Tue, Nov 24, 3:47 PM" */
export const formatWhen = (at: string | number | Date, timeZone?: string) =>
  formatter(timeZone, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(asDate(at));

/** "3:47 PM" */
export const formatTime = (at: string | number | Date, timeZone?: string) =>
  formatter(timeZone, { hour: 'numeric', minute: '2-digit' }).format(asDate(at));

/** "2026-11-24": the calendar day an instant falls on in a zone (the browser's when absent). */
export const dayKey = (at: string | number | Date, timeZone?: string) =>
  formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(asDate(at));

/** The next `count` calendar days in the browser's zone, today first. */
export function nextDays(now: Date, count: number): { key: string; label: string; date: Date }[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i, 12);
    const weekday = formatter(undefined, { weekday: 'short' }).format(date);
    const label = i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : `${weekday} ${date.getDate()}`;
    return { key: dayKey(date), label, date };
  });
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 20 minutes", "3 hours ago". */
export function relativeTo(at: string | number, now: number): string {
  const minutes = Math.round((asDate(at).getTime() - now) / 60_000);
  if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relativeFormat.format(hours, 'hour');
  return relativeFormat.format(Math.round(hours / 24), 'day');
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** "Tue 3 PM" for an hourly tick on a time axis, "Tue, Nov 24" for a daily one. */
export const formatTick = (at: number, timeZone: string, daily: boolean) =>
  formatter(
    timeZone,
    daily ? { weekday: 'short', month: 'short', day: 'numeric' } : { weekday: 'short', hour: 'numeric' },
  ).format(asDate(at));

/** How far a zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffset(at: number, timeZone: string): number {
  const parts = formatter(
    timeZone,
    {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    },
    'en-US',
  ).formatToParts(asDate(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return wall - (at - (at % 60_000));
}
