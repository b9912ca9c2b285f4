import type { Property, StaffCodeStatus, StaffSummary } from '../api/types.ts';
import { dayKey, formatTime, formatWhen } from '../format.ts';

// R12.1 in words a host reads at a glance: the schedule, the contact, the properties, a code's window.

/** The API's default when a turnovers schedule names no hours (docs/staff.md). */
export const DEFAULT_HOURS_WHEN_NO_NEXT_STAY = 4;

export function scheduleInWords(
  s: Pick<StaffSummary, 'schedule'> & Partial<Pick<StaffSummary, 'hoursWhenNoNextStay'>>,
): string {
  if (s.schedule === 'always') return 'Always';
  const hours = s.hoursWhenNoNextStay ?? DEFAULT_HOURS_WHEN_NO_NEXT_STAY;
  return `Between stays, ${hours} h when no stay follows`;
}

export function contactInWords(s: Partial<Pick<StaffSummary, 'email' | 'phone'>>): string {
  const ways = [s.email, s.phone].filter(Boolean);
  return ways.length > 0 ? ways.join(' · ') : 'No email or phone: their codes come to you, to pass on';
}

export const propertyName = (properties: readonly Property[], propertyId: string) =>
  properties.find((p) => p.propertyId === propertyId)?.name ?? propertyId;

export const propertyNames = (properties: readonly Property[], propertyIds: readonly string[]) =>
  propertyIds.map((id) => propertyName(properties, id)).join(', ');

export const STAFF_CODE_STATUS: Record<StaffCodeStatus, [tone: 'ok' | 'pending' | 'neutral', label: string]> =
  {
    active: ['ok', 'Works now'],
    scheduled: ['pending', 'Upcoming'],
    ended: ['neutral', 'Ended'],
    removed: ['neutral', 'Removed'],
  };

const YEAR = 365 * 86_400_000;

/**
 * "Wed, Dec 3, 11:30 AM → 3:00 PM" on one day, both ends in full across days, in the zone given. An
 * `always` code ends years ahead, which no host plans for: it reads "from …, no end date".
 */
export function windowInWords(from: string | undefined, until: string | undefined, zone: string): string {
  if (!from || !until) return 'No window';
  if (Date.parse(until) - Date.parse(from) > YEAR) return `From ${formatWhen(from, zone)}, no end date`;
  const sameDay = dayKey(from, zone) === dayKey(until, zone);
  return `${formatWhen(from, zone)} → ${sameDay ? formatTime(until, zone) : formatWhen(until, zone)}`;
}

/** The staff member's next code in a line, in its property's zone; undefined when none is planned. */
export function nextCodeInWords(s: StaffSummary, properties: readonly Property[]): string | undefined {
  const next = s.nextCode;
  if (!next) return undefined;
  const property = properties.find((p) => p.propertyId === next.propertyId);
  const zone = property?.settings.timeZone;
  return `${windowInWords(next.activeFrom, next.activeUntil, zone ?? 'UTC')} at ${property?.name ?? next.propertyId}`;
}
