import type { Deps } from '../deps.ts';
import { ConflictError } from '../errors.ts';
import type { Property, Reservation } from '../model.ts';
import { acceptReservation, stayDetails } from '../reservations/accept.ts';
import { cancelReservation } from '../reservations/cancel.ts';
import { reshapeReservation } from '../reservations/change.ts';
import { updateReservation } from '../reservations/update.ts';
import { DAY } from '../time/timeline.ts';
import { grantId, grantInput, inputOf, isGuestStay, isStaffGrant } from './staff-grants.ts';
import { isCurrent, type StaffMember } from './staff-member.ts';
import { type StaffWindow, staffWindows } from './staff-windows.ts';

// R12.2: staff codes follow the stays. One idempotent reconciliation per property, run after every
// change of a guest stay, of the buffers, or of the staff.

/**
 * How far back stays are read to find the turnover running now. A grant whose stay lies further
 * back is kept as it is rather than taken for a vanished gap.
 */
const LOOKBACK = 35 * DAY;
/** Grants of one turnover cancelled and opened again; far more than any real sequence of changes. */
const MAX_GENERATIONS = 50;

export const hasStaff = (property: Property): boolean => (property.staffIds?.length ?? 0) > 0;

/**
 * After a guest stay was accepted, changed or cancelled: the staff windows of its property, and of
 * the property it left. A property without staff costs nothing more. Without `property` (a
 * cancellation, a redelivery), the stay's own mark says whether its property has staff.
 */
export async function followGuestChange(
  deps: Deps,
  before: Reservation,
  property?: Property | undefined,
): Promise<void> {
  if (isStaffGrant(before)) return;
  if (property && hasStaff(property)) await syncStaffCodes(deps, before.hostId, property.propertyId);
  if (before.staffOnProperty && before.propertyId !== property?.propertyId)
    await syncStaffCodes(deps, before.hostId, before.propertyId);
}

/**
 * Makes the property's grants match the windows its staff need now: new windows get a grant (a
 * code chosen and scheduled as for a booking), moved ones are changed as a modified booking is
 * (R7.1), and windows gone (a stay cancelled, a staff member or property removed) are cancelled,
 * which takes their code off the locks at once. Repeating it changes nothing.
 */
export async function syncStaffCodes(deps: Deps, hostId: string, propertyId: string): Promise<void> {
  const property = await deps.properties.getProperty(hostId, propertyId);
  const now = deps.clock.now();
  const members = property
    ? (await deps.staff.listStaff(hostId)).filter((m) => isCurrent(m) && m.propertyIds.includes(propertyId))
    : [];
  const listed = await deps.reservations.listReservations(hostId, propertyId, now - LOOKBACK);
  const stays = listed.filter((r) => isGuestStay(r) && r.status === 'accepted');
  const grants = listed.filter((r) => isStaffGrant(r) && r.status === 'accepted' && r.code.activeUntil > now);
  if (members.length > 0) await markGuestStays(deps, stays, now);
  const guestWindows = stays.map((r) => ({
    reservationId: r.reservationId,
    activeFrom: r.code.activeFrom,
    activeUntil: r.code.activeUntil,
  }));

  const kept = new Set<string>();
  for (const member of members) {
    for (const window of staffWindows(member, guestWindows, now)) {
      const current = grants.find(
        (g) => g.staff?.staffId === member.staffId && g.staff.follows === window.follows,
      );
      if (current) kept.add(current.reservationId);
      if (property) await keepGrant(deps, property, member, window, current);
    }
  }
  for (const grant of grants) {
    if (kept.has(grant.reservationId)) continue;
    const member = members.find((m) => m.staffId === grant.staff?.staffId);
    const follows = grant.staff?.follows;
    // A turnover whose stay is older than LOOKBACK: not seen, so not known to be gone.
    if (member && follows !== 'always' && !listed.some((r) => r.reservationId === follows)) continue;
    await cancelReservation(deps, hostId, inputOf(grant), now);
  }
}

/** A grant for `window`: the current one moved there, or a new one. */
async function keepGrant(
  deps: Deps,
  property: Property,
  member: StaffMember,
  window: StaffWindow,
  current: Reservation | undefined,
): Promise<void> {
  const { hostId, propertyId } = property;
  if (current) {
    const details = stayDetails(
      grantInput(member, propertyId, window, current.reservationId),
      property.settings.timeZone,
    );
    const same =
      current.code.activeFrom === window.activeFrom &&
      current.code.activeUntil === window.activeUntil &&
      JSON.stringify(current.guest) === JSON.stringify(details.guest);
    if (!same) await reshapeReservation(deps, current, property, details, { event: 'staff.window_changed' });
    return;
  }
  const now = deps.clock.now();
  for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
    const id = grantId(member.staffId, propertyId, window.follows, generation);
    const stored = await deps.reservations.getReservation(hostId, id);
    // A cancelled or finished grant of this turnover stays as it is: its record is its history.
    if (stored && (stored.status === 'cancelled' || stored.code.activeUntil <= now)) continue;
    const input = grantInput(member, propertyId, window, id);
    try {
      await acceptReservation(deps, hostId, input);
    } catch (error) {
      // Another reconciliation created it first (R9.5): accepting again finishes what that run began.
      if (!(error instanceof ConflictError)) throw error;
      await acceptReservation(deps, hostId, input);
    }
    return;
  }
}

/** Guest stays of a property with staff are marked, so their cancellation re-plans the staff windows. */
async function markGuestStays(deps: Deps, stays: readonly Reservation[], now: number): Promise<void> {
  for (const stay of stays) {
    if (stay.staffOnProperty || stay.code.activeUntil <= now) continue;
    await updateReservation(deps, stay.hostId, stay.reservationId, (fresh) => {
      if (fresh.staffOnProperty) return false;
      fresh.staffOnProperty = true;
      return true;
    });
  }
}
