import type { AccessCodeRef } from '#ports/access-code-index.ts';
import type { Deps } from '../deps.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import { alertCodeNotRemoved } from '../messages/alert-host.ts';
import type { Instant } from '../model.ts';
import { reservationEntry } from '../reservations/entries.ts';
import { updateReservation } from '../reservations/update.ts';
import { deletionEntryAt, nativeOf } from './removal-times.ts';

/**
 * R7.3: the provider reports that a removal Lockstep asked for failed on the lock, so the guest's PIN
 * is still on it. The removal stays `removing` and the deletion entry asks again (it re-reads the
 * code and deletes it once more); the host is told once per lock, since a PIN working after the stay
 * is theirs to know about. Events about codes not being removed are ignored.
 */
export async function recordRemovalFailed(
  deps: Deps,
  ref: AccessCodeRef,
  occurredAt: Instant,
): Promise<'recorded' | 'ignored'> {
  let changed = false;
  const saved = await updateReservation(deps, ref.hostId, ref.reservationId, (r) => {
    const state = r.code.locks.find((s) => s.lockId === ref.lockId && s.accessCodeId === ref.accessCodeId);
    changed = state?.status === 'removing';
    if (!changed) return false;
    r.timeline.push({
      at: occurredAt,
      event: 'code.removal_failed',
      lockId: ref.lockId,
      detail: 'reported by the lock provider',
    });
    return true;
  });
  if (!saved || !changed) return 'ignored';
  deps.metrics.count('CodeRemovalsFailed');
  const locks = await reservationLocks(deps, saved);
  const next = deletionEntryAt(saved, nativeOf(locks), deps.clock.now());
  if (next !== undefined) await deps.scheduler.schedule(reservationEntry('delete', next, saved));
  await alertCodeNotRemoved(deps, saved, ref.lockId);
  return 'recorded';
}
