import type { Deps } from '../deps.ts';
import type { LockProviderName } from '../model.ts';
import { DAY } from '../time/timeline.ts';
import { removalPendingOn } from './removal-times.ts';
import { removeDueCodes } from './remove-due-codes.ts';

// R7.3: a lock that was offline when its codes were due to go is cleaned as soon as it is back,
// rather than at the deletion entry's next back-off.

/**
 * How far back a reconnecting lock's stays are looked at. An older removal still pending is not
 * lost: its deletion entry keeps retrying, at least once a day (removal.ts).
 */
export const RECONNECT_LOOKBACK = 30 * DAY;

export async function cleanUpOnReconnect(
  deps: Deps,
  provider: LockProviderName,
  deviceId: string,
): Promise<void> {
  const device = await deps.locks.findDevice(provider, deviceId);
  if (!device) return;
  const lock = await deps.locks.getLock(device.hostId, device.lockId);
  if (!lock) return;
  const now = deps.clock.now();
  // Every property, not only those the lock serves now: a code may be due to leave it because it was
  // unmatched there (R1.3) or the reservation moved to another property (R7.1).
  for (const property of await deps.properties.listProperties(device.hostId)) {
    const stays = await deps.reservations.listReservations(
      device.hostId,
      property.propertyId,
      now - RECONNECT_LOOKBACK,
    );
    for (const r of stays) {
      if (removalPendingOn(r, lock.lockId, lock.nativeScheduling, now)) {
        await removeDueCodes(deps, r.hostId, r.reservationId);
      }
    }
  }
}
