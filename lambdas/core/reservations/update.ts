import type { Deps } from '../deps.ts';
import { StaleWriteError } from '../errors.ts';
import { jsonCopy } from '../json-copy.ts';
import type { Reservation } from '../model.ts';

const MAX_TRIES = 5;

/**
 * Read, change and write a reservation, conditional on the version read (R9.1). `change` must be
 * pure: on a concurrent write it runs again on the fresh copy. Returning false writes nothing.
 */
export async function updateReservation(
  deps: Pick<Deps, 'reservations'>,
  hostId: string,
  reservationId: string,
  change: (reservation: Reservation) => boolean,
): Promise<Reservation | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.reservations.getReservation(hostId, reservationId);
    if (!current) return undefined;
    const next = jsonCopy(current);
    if (!change(next)) return current;
    next.version = current.version + 1;
    try {
      await deps.reservations.saveReservation(next, current.version);
      return next;
    } catch (error) {
      if (!(error instanceof StaleWriteError) || attempt >= MAX_TRIES) throw error;
    }
  }
}
