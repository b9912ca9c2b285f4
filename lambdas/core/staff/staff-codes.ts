import type { Deps } from '../deps.ts';
import type { Instant, Reservation } from '../model.ts';
import { DAY } from '../time/timeline.ts';
import type { StaffMember } from './staff-member.ts';

// R12, R8.1: a staff member's codes as the host sees them.

export type StaffCodeStatus = 'scheduled' | 'active' | 'ended' | 'removed';

/** Past codes shown after the current and upcoming ones. */
export const PAST_CODES_SHOWN = 20;
/** How far back past codes are looked for: a host's whole history is never read. */
export const PAST_CODES_WITHIN = 90 * DAY;

export function staffCodeStatus(grant: Reservation, now: Instant): StaffCodeStatus {
  if (grant.status === 'cancelled') return 'removed';
  if (grant.code.activeUntil <= now) return 'ended';
  return grant.code.activeFrom <= now ? 'active' : 'scheduled';
}

/**
 * Current and upcoming codes first, soonest first; then the latest past ones (ended within
 * PAST_CODES_WITHIN), at most PAST_CODES_SHOWN. `currentOnly` skips the past ones (a list's summary).
 */
export async function staffCodes(
  deps: Deps,
  member: StaffMember,
  now: Instant,
  currentOnly = false,
): Promise<Reservation[]> {
  const endingAfter = currentOnly ? now : now - PAST_CODES_WITHIN;
  const perProperty = await Promise.all(
    member.propertyIds.map((propertyId) =>
      deps.reservations.listReservations(member.hostId, propertyId, endingAfter),
    ),
  );
  const grants = perProperty.flat().filter((r) => r.staff?.staffId === member.staffId);
  const live = (r: Reservation) => {
    const status = staffCodeStatus(r, now);
    return status === 'active' || status === 'scheduled';
  };
  const current = grants.filter(live).sort((a, b) => a.code.activeFrom - b.code.activeFrom);
  const past = grants
    .filter((r) => !live(r))
    .sort((a, b) => b.code.activeUntil - a.code.activeUntil)
    .slice(0, PAST_CODES_SHOWN);
  return [...current, ...past];
}
