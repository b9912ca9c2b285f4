import type { Deps } from '../deps.ts';
import type { Lock, Reservation } from '../model.ts';

export interface CodesOnLocks {
  codes: string[];
  names: string[];
  /** The property's live reservations, whose codes are on (or bound for) these locks. */
  reservations: Reservation[];
}

/**
 * Every code and name a new code must not collide with (R3.3, R3.4): what the providers report on
 * the locks, plus the codes of the property's live reservations not yet set there.
 */
export async function codesOnLocks(
  deps: Deps,
  hostId: string,
  propertyId: string,
  locks: readonly Lock[],
): Promise<CodesOnLocks> {
  const onDevices = await Promise.all(locks.map((l) => deps.lockProvider(l.provider).listCodes(l.deviceId)));
  const reservations = (
    await deps.reservations.listReservations(hostId, propertyId, deps.clock.now())
  ).filter((r) => r.status === 'accepted');
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const code of onDevices.flat()) {
    codes.add(code.code);
    names.add(code.name);
  }
  // R6.1: pool codes, even those not yet on the lock, are never a guest's PIN.
  for (const lock of locks) {
    for (const c of await deps.pools.listPoolCodes(hostId, lock.lockId)) codes.add(c.pin);
  }
  for (const r of reservations) {
    codes.add(r.code.pin);
    names.add(r.code.name);
  }
  return { codes: [...codes], names: [...names], reservations };
}
