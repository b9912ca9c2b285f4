import type { Deps } from '../deps.ts';
import type { Instant, Reservation } from '../model.ts';

/** A live reservation still needs its code: accepted and its window not over. */
export const isLive = (r: Reservation, now: Instant): boolean =>
  r.status === 'accepted' && r.code.activeUntil > now;

export async function liveReservations(
  deps: Deps,
  hostId: string,
  propertyId: string,
  now: Instant,
): Promise<Reservation[]> {
  return (await deps.reservations.listReservations(hostId, propertyId, now)).filter((r) => isLive(r, now));
}
