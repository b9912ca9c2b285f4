import type { Deps } from '../deps.ts';
import { toE164 } from '../messages/phone.ts';
import type { Guest, Instant, ReservationInput } from '../model.ts';
import { acceptReservation } from '../reservations/accept.ts';
import { cancelReservation } from '../reservations/cancel.ts';
import { changeReservation } from '../reservations/change.ts';
import type { FeedCommand } from './diff-reads.ts';

// A feed's commands carried out by the same use cases as the channel webhooks (R7.1, R7.2), each
// idempotent, `now` standing in for the event's instant (R9.1's ordering between reads).

/** The guest's email or phone the host added (R10.8) outlives later reads: no feed carries them. */
function keepHostContact(fromFeed: Guest, stored: Guest | undefined): Guest {
  if (!stored) return fromFeed;
  const phone = toE164(stored.phone) !== undefined ? stored.phone : fromFeed.phone;
  return {
    ...fromFeed,
    ...(stored.email !== undefined && { email: stored.email }),
    ...(phone !== undefined && { phone }),
  };
}

export async function carryOutCommand(
  deps: Deps,
  hostId: string,
  calendarId: string,
  command: FeedCommand,
  now: Instant,
): Promise<void> {
  const input: ReservationInput = { ...command.reservation, source: { calendarId, uid: command.uid } };
  if (command.kind === 'accept') {
    await acceptReservation(deps, hostId, input, { occurredAt: now });
  } else if (command.kind === 'modify') {
    const stored = await deps.reservations.getReservation(hostId, input.reservationId);
    await changeReservation(
      deps,
      hostId,
      { ...input, guest: keepHostContact(input.guest, stored?.guest) },
      now,
    );
  } else {
    await cancelReservation(deps, hostId, input, now);
  }
}
