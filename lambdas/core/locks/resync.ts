import { refillPool } from '../backup/pool-upkeep.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { addLock, needsAttempt, resetToPending, targetState } from '../provisioning/code-on-lock.ts';
import { isLive, liveReservations } from '../reservations/live.ts';
import { programmingTime } from '../time/timeline.ts';
import { listCodes } from './device.ts';
import { loadLocks } from './load-locks.ts';
import { changeAndProvision } from './matching.ts';

export interface ResyncResult {
  lockId: string;
  /** Live reservations of the properties the lock serves. */
  reservationsChecked: number;
  /** Of those, the ones whose code goes onto the lock again. */
  reservationsReprogrammed: number;
}

/**
 * R1.4: every code Lockstep owns that should be on the lock now or later is programmed again. A
 * code the provider no longer lists (a factory reset) goes back to `pending`; a code still waiting
 * for its retry is tried at once. Codes Lockstep did not create are not looked at.
 */
export async function resyncLock(deps: Deps, hostId: string, lockId: string): Promise<ResyncResult> {
  const lock = await deps.locks.getLock(hostId, lockId);
  if (!lock) throw new NotFoundError('lock', 'lockId');
  const properties = (await deps.properties.listProperties(hostId)).filter((p) => p.lockIds.includes(lockId));
  const onDevice = new Set((await listCodes(deps, lock)).map((c) => c.accessCodeId));
  const now = deps.clock.now();
  const result: ResyncResult = { lockId, reservationsChecked: 0, reservationsReprogrammed: 0 };
  for (const property of properties) {
    const locks = await loadLocks(deps, hostId, property.lockIds);
    for (const r of await liveReservations(deps, hostId, property.propertyId, now)) {
      result.reservationsChecked++;
      const cause = { kind: 'resync' as const, lockId, at: now };
      const reprogrammed = await changeAndProvision(deps, r, locks, cause, (fresh, out) => {
        if (!isLive(fresh, now)) return false;
        const state = targetState(fresh, lockId);
        // A match interrupted before it reached this reservation.
        if (!state) return addLock(fresh, lockId, now);
        const held = state.status === 'requested' || state.status === 'set';
        if (held && state.accessCodeId && !onDevice.has(state.accessCodeId)) {
          // Deleting the lost id too keeps a provider that still tracks it from holding a ghost.
          out.toDelete = [{ lockId, accessCodeId: state.accessCodeId }];
          resetToPending(state);
          fresh.timeline.push({ at: now, event: 'code.missing_on_lock', lockId, detail: 'found by resync' });
          return true;
        }
        return needsAttempt(state) && programmingTime(fresh.code, lock.nativeScheduling, now) <= now;
      });
      if (reprogrammed) result.reservationsReprogrammed++;
    }
  }
  await refillPool(deps, hostId, lockId); // R1.4: the backup pool too
  return result;
}
