import type { Instant } from '../model.ts';

// Conversions between UTC instants and a property's wall-clock time, using the runtime's tz database.

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function localDateTime(instant: Instant, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtc = (t: LocalDateTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** UTC offset of `timeZone` at `instant`, in milliseconds (east positive). */
export function offsetAt(instant: Instant, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(localDateTime(whole, timeZone)) - whole;
}

/**
 * The instant a wall-clock time names in `timeZone`. An ambiguous time (clocks going back) is its
 * first occurrence; a time skipped by clocks going forward moves forward by the gap, as a guest's
 * phone would.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): Instant {
  const naive = asUtc(local);
  const before = offsetAt(naive - 12 * 60 * MINUTE, timeZone);
  const after = offsetAt(naive + 12 * 60 * MINUTE, timeZone);
  const valid = [naive - before, naive - after].filter((t) => asUtc(localDateTime(t, timeZone)) === naive);
  return valid.length > 0 ? Math.min(...valid) : naive - before;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads an ISO-8601 date-time. With an offset or `Z` it is an instant; without one it is a
 * wall-clock time in `timeZone`. Returns undefined when the text is not a date-time.
 */
export function parseDateTime(text: string, timeZone: string): Instant | undefined {
  const local = LOCAL_PATTERN.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    const parts = {
      year: y ?? 0,
      month: mo ?? 0,
      day: d ?? 0,
      hour: h ?? 0,
      minute: mi ?? 0,
      second: s || 0,
    };
    if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31 || parts.hour > 23)
      return undefined;
    if (parts.minute > 59 || parts.second > 59) return undefined;
    return zonedToUtc(parts, timeZone);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : instant;
}

export const toIso = (instant: Instant): string => new Date(instant).toISOString();
