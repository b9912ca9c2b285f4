import ICAL from 'ical.js';
import type { Instant } from '../model.ts';
import { isValidTimeZone, type LocalDateTime, zonedToUtc } from '../time/zoned.ts';
import type { EventTime } from './types.ts';

// DTSTART and DTEND (or DURATION) of one VEVENT, checked strictly: ical.js decodes leniently, and a
// garbled date must skip its event rather than invent a stay (R10.4).

export type TimeProblem =
  | 'missing_start'
  | 'invalid_date'
  | 'year_out_of_range'
  | 'mismatched_value_types'
  | 'end_not_after_start';

/** Years outside this range are typing slips or sentinel values, never a stay. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;

/** The feed's VTIMEZONEs by TZID, for zone names the tz database lacks (Outlook's Windows names). */
export type FeedZones = ReadonlyMap<string, InstanceType<typeof ICAL.Timezone>>;

const naiveUtc = (t: LocalDateTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

function validLocal(t: LocalDateTime): boolean {
  const back = new Date(Date.UTC(t.year, t.month - 1, t.day));
  return (
    back.getUTCMonth() === t.month - 1 &&
    back.getUTCDate() === t.day &&
    t.hour <= 23 &&
    t.minute <= 59 &&
    t.second <= 59
  );
}

/** One DTSTART or DTEND property, resolved to an instant wherever a zone is known. */
function readTime(property: InstanceType<typeof ICAL.Property>, zones: FeedZones): EventTime | TimeProblem {
  const [, , type, value] = property.toJSON() as [string, unknown, string, unknown];
  const text = typeof value === 'string' ? value : '';
  const parts = (type === 'date' ? DATE : DATE_TIME).exec(text);
  if (!parts || (type !== 'date' && type !== 'date-time')) return 'invalid_date';
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts.slice(1, 7).map(Number);
  const local: LocalDateTime = { year, month, day, hour, minute, second };
  if (!validLocal(local)) return 'invalid_date';
  if (local.year < FIRST_YEAR || local.year > LAST_YEAR) return 'year_out_of_range';
  if (type === 'date') return { kind: 'date', date: text };
  if (parts[7] === 'Z') return { kind: 'instant', at: naiveUtc(local) };
  const at = zonedInstant(local, property.getParameter('tzid'), zones);
  return at === undefined ? { kind: 'floating', local: text } : { kind: 'instant', at };
}

/** The tz database first (it is kept current); then the feed's own VTIMEZONE, computed by ical.js. */
function zonedInstant(local: LocalDateTime, tzid: unknown, zones: FeedZones): Instant | undefined {
  if (typeof tzid !== 'string' || tzid === '') return undefined;
  if (isValidTimeZone(tzid)) return zonedToUtc(local, tzid);
  const zone = zones.get(tzid);
  if (!zone) return undefined;
  try {
    const seconds = ICAL.Time.fromData({ ...local, isDate: false }, zone).toUnixTime();
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Epoch milliseconds as a UTC ISO text, or undefined past what a stay could use. */
function isoOf(ms: number): string | undefined {
  const year = new Date(ms).getUTCFullYear();
  return Number.isFinite(ms) && year >= FIRST_YEAR && year <= LAST_YEAR
    ? new Date(ms).toISOString()
    : undefined;
}

/** DTSTART plus a DURATION: whole days for a date, any length for a time. */
function afterDuration(
  start: EventTime,
  component: InstanceType<typeof ICAL.Component>,
): EventTime | TimeProblem {
  let ms: number;
  try {
    ms =
      (component.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration>).toSeconds() * 1000;
  } catch {
    return 'invalid_date';
  }
  const base =
    start.kind === 'instant' ? start.at : Date.parse(start.kind === 'date' ? start.date : `${start.local}Z`);
  const iso = isoOf(base + ms);
  if (iso === undefined) return Number.isFinite(ms) ? 'year_out_of_range' : 'invalid_date';
  if (start.kind === 'instant') return { kind: 'instant', at: base + ms };
  if (start.kind === 'floating') return { kind: 'floating', local: iso.slice(0, 19) };
  return ms % DAY === 0 ? { kind: 'date', date: iso.slice(0, 10) } : 'invalid_date';
}

const nextDay = (date: string) => isoOf(Date.parse(date) + DAY)?.slice(0, 10);

function endAfterStart(start: EventTime, end: EventTime): boolean {
  if (start.kind === 'instant' && end.kind === 'instant') return end.at > start.at;
  if (start.kind === 'date' && end.kind === 'date') return end.date > start.date;
  if (start.kind === 'floating' && end.kind === 'floating') return end.local > start.local;
  return false;
}

/**
 * The event's start and end. Without DTEND or DURATION an all-day event lasts one day (RFC 5545
 * §3.6.1) and a timed one has no length, which is no stay.
 */
export function eventTimes(
  component: InstanceType<typeof ICAL.Component>,
  zones: FeedZones,
): { start: EventTime; end: EventTime } | TimeProblem {
  const startProperty = component.getFirstProperty('dtstart');
  if (!startProperty) return 'missing_start';
  const start = readTime(startProperty, zones);
  if (typeof start === 'string') return start;
  const endProperty = component.getFirstProperty('dtend');
  let end: EventTime | TimeProblem;
  if (endProperty) end = readTime(endProperty, zones);
  else if (component.hasProperty('duration')) end = afterDuration(start, component);
  else if (start.kind !== 'date') end = start;
  else {
    const date = nextDay(start.date);
    end = date === undefined ? 'year_out_of_range' : { kind: 'date', date };
  }
  if (typeof end === 'string') return end;
  if (end.kind !== start.kind) return 'mismatched_value_types';
  return endAfterStart(start, end) ? { start, end } : 'end_not_after_start';
}
