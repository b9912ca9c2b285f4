import { ValidationError } from '../errors.ts';
import type { Instant } from '../model.ts';
import { type LocalDateTime, localDateTime, offsetAt, parseDateTime, zonedToUtc } from '../time/zoned.ts';
import type { ChannelStay, EventTime, Stay } from './types.ts';

// R10.2: an all-day stay runs from the property's check-in time on DTSTART to its check-out time on
// DTEND, local time in the property's zone; a stay the feed gave times keeps its instants.

export const DEFAULT_CHECK_IN_TIME = '16:00';
export const DEFAULT_CHECK_OUT_TIME = '11:00';

/** The property settings R10.2 reads; the times are `HH:MM`, local. */
export interface StayTimeSettings {
  timeZone: string;
  checkInTime?: string | undefined;
  checkOutTime?: string | undefined;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function clockTime(value: string | undefined, fallback: string, field: string): string {
  const time = value ?? fallback;
  if (!HH_MM.test(time)) throw new ValidationError(`settings.${field}`, 'must be a time of day as HH:MM');
  return time;
}

/** `YYYY-MM-DD` of a wall-clock reading. */
const dateOf = (t: LocalDateTime) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;

/** The property's date at an instant, `YYYY-MM-DD`. */
export const localDate = (at: Instant, timeZone: string): string => dateOf(localDateTime(at, timeZone));

/**
 * The instant as the property's wall clock, `YYYY-MM-DDTHH:MM` (`:SS` when it has seconds). When
 * that reading names another instant (the second pass through an hour the clocks went back over),
 * the offset is written too, so the reservation use cases read back this very instant.
 */
export function localText(at: Instant, timeZone: string): string {
  const t = localDateTime(at, timeZone);
  const wall = `${dateOf(t)}T${pad(t.hour)}:${pad(t.minute)}${t.second ? `:${pad(t.second)}` : ''}`;
  if (parseDateTime(wall, timeZone) === at) return wall;
  const offset = Math.round(offsetAt(at, timeZone) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

interface Placed {
  text: string;
  at: Instant;
  date: string;
}

function place(time: EventTime, clock: string, timeZone: string): Placed {
  if (time.kind === 'instant') {
    return { text: localText(time.at, timeZone), at: time.at, date: localDate(time.at, timeZone) };
  }
  // An all-day value takes the property's clock time; a floating one is already a wall-clock time.
  const text = time.kind === 'date' ? `${time.date}T${clock}` : time.local.slice(0, 16);
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number);
  const local = { year: y ?? 0, month: mo ?? 0, day: d ?? 0, hour: h ?? 0, minute: mi ?? 0, second: 0 };
  return { text, at: zonedToUtc(local, timeZone), date: text.slice(0, 10) };
}

/** The stay placed in the property's zone, in the form the reservation use cases take. */
export function stayTimes(stay: ChannelStay, settings: StayTimeSettings): Stay {
  const checkInClock = clockTime(settings.checkInTime, DEFAULT_CHECK_IN_TIME, 'check_in_time');
  const checkOutClock = clockTime(settings.checkOutTime, DEFAULT_CHECK_OUT_TIME, 'check_out_time');
  const checkIn = place(stay.start, checkInClock, settings.timeZone);
  const checkOut = place(stay.end, checkOutClock, settings.timeZone);
  return {
    uid: stay.uid,
    checkIn: checkIn.text,
    checkOut: checkOut.text,
    checkInAt: checkIn.at,
    checkOutAt: checkOut.at,
    startDate: checkIn.date,
    endDate: checkOut.date,
    guestName: stay.guestName,
    confirmationCode: stay.confirmationCode,
    phoneLast4: stay.phoneLast4,
  };
}
