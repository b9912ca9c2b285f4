import { alertOfflineCodesOutliving } from '../backup/offline-code-changes.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import type { Instant, Reservation, ReservationInput } from '../model.ts';
import { followGuestChange } from '../staff/sync-staff-codes.ts';
import { windowOfStay } from '../time/timeline.ts';
import { type AcceptResult, stayDetails } from './accept.ts';
import { entryName } from './entries.ts';
import { carryOutEntries, type EntryPlan, hadBackupCheck, planEntries } from './reschedule-entries.ts';
import { updateReservation } from './update.ts';

// R7.2 and R2.4: a channel cancelled a reservation. Cancellation is final: whatever order events
// arrive in, nothing brings a cancelled reservation back (channels rebook under a new id).

/**
 * The provisioning and message entries go; the deletion entry moves to a day after the cancellation.
 * A second delivery changes nothing. For a reservation not seen yet, a cancelled record is stored,
 * so its acceptance arriving late cannot bring it to life (R9.1).
 */
export async function cancelReservation(
  deps: Deps,
  hostId: string,
  input: ReservationInput,
  occurredAt: Instant,
): Promise<AcceptResult> {
  const current = await deps.reservations.getReservation(hostId, input.reservationId);
  if (!current) {
    try {
      return await storeCancelled(deps, hostId, input, occurredAt);
    } catch (error) {
      // Its acceptance was stored meanwhile: cancel that.
      if (!(error instanceof ConflictError)) throw error;
      return cancelReservation(deps, hostId, input, occurredAt);
    }
  }
  if (current.status === 'cancelled') {
    await followGuestChange(deps, current); // R9.5, R12.2: a redelivery finishes a run that died
    return { reservation: current, created: false };
  }
  // A staff code (R12) is cancelled by its staff windows only (their input names it), never by a channel.
  if (current.staff && !input.staff) return { reservation: current, created: false };

  const now = deps.clock.now();
  // The channel's instant, unless it claims one still to come.
  const cancelledAt = Math.min(occurredAt, now);
  const locks = await reservationLocks(deps, current);
  let plan: EntryPlan | undefined;
  const saved = await updateReservation(deps, hostId, input.reservationId, (fresh) => {
    plan = undefined;
    if (fresh.status === 'cancelled') return false;
    fresh.status = 'cancelled';
    fresh.cancelledAt = cancelledAt;
    fresh.lastEventAt = Math.max(fresh.lastEventAt ?? occurredAt, occurredAt);
    fresh.timeline.push({
      at: now,
      event: 'reservation.cancelled',
      detail: `cancelled at ${iso(cancelledAt)}`,
    });
    plan = planEntries(fresh, locks, now, { locks: false, activeFrom: false });
    return true;
  });
  if (!saved || !plan) return { reservation: saved ?? current, created: false };
  // A running execution stops at its next step (its Check finds the reservation cancelled).
  await deps.scheduler.cancel(entryName('provision', hostId, input.reservationId));
  await deps.scheduler.cancel(entryName('message', hostId, input.reservationId));
  if (hadBackupCheck(saved))
    await deps.scheduler.cancel(entryName('backup-check', hostId, input.reservationId));
  await carryOutEntries(deps, saved, plan, now);
  await alertOfflineCodesOutliving(deps, saved, 'cancelled'); // R11.3
  await followGuestChange(deps, saved); // R12.2
  return { reservation: saved, created: false };
}

const iso = (t: Instant) => new Date(t).toISOString();

/** No code is chosen and nothing is scheduled: there is nothing to set or delete. */
async function storeCancelled(
  deps: Deps,
  hostId: string,
  input: ReservationInput,
  occurredAt: Instant,
): Promise<AcceptResult> {
  const property = await deps.properties.getProperty(hostId, input.propertyId);
  if (!property) throw new NotFoundError('property', 'reservation.property_id');
  const details = stayDetails(input, property.settings.timeZone);
  const now = deps.clock.now();
  const cancelledAt = Math.min(occurredAt, now);
  const reservation: Reservation = {
    ...details,
    hostId,
    status: 'cancelled',
    version: 1,
    bookedAt: now,
    cancelledAt,
    lastEventAt: occurredAt,
    code: { ...windowOfStay(details, property.settings), pin: '', name: '', locks: [] },
    timeline: [
      {
        at: now,
        event: 'reservation.cancelled',
        detail: `cancelled at ${iso(cancelledAt)}, before its acceptance arrived: no code chosen`,
      },
    ],
  };
  await deps.reservations.createReservation(reservation);
  return { reservation, created: true };
}
