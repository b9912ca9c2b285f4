import type { Deps } from '../deps.ts';
import type { Lock, Reservation } from '../model.ts';

/** The host's locks with these ids, each read once, in order; ids of locks no longer stored are skipped. */
export async function loadLocks(
  deps: Pick<Deps, 'locks'>,
  hostId: string,
  lockIds: Iterable<string>,
): Promise<Map<string, Lock>> {
  const ids = [...new Set(lockIds)];
  const locks = await Promise.all(ids.map((id) => deps.locks.getLock(hostId, id)));
  return new Map(locks.filter((l): l is Lock => l !== undefined).map((l) => [l.lockId, l]));
}

/** Every lock the reservation's code is on or bound for, current and on the way out. */
export const reservationLocks = (deps: Pick<Deps, 'locks'>, r: Reservation): Promise<Map<string, Lock>> =>
  loadLocks(
    deps,
    r.hostId,
    r.code.locks.map((s) => s.lockId),
  );
