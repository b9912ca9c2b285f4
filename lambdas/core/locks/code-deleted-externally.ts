import type { AccessCodeRef } from '#ports/access-code-index.ts';
import type { Deps } from '../deps.ts';
import type { Instant } from '../model.ts';
import { resetToPending } from '../provisioning/code-on-lock.ts';
import { isLive } from '../reservations/live.ts';
import { updateReservation } from '../reservations/update.ts';
import { loadLocks } from './load-locks.ts';
import { changeAndProvision } from './matching.ts';

/**
 * Someone removed a Lockstep code from the lock outside the provider (the maker's app, the keypad).
 * A code on its way out counts as removed (R7.3). A code the guest still needs no longer counts as
 * set (R4.2) and is programmed again at once, as a resync of that lock would do (R1.4). A code of a
 * stay that is over simply counts as removed.
 */
export async function recordCodeDeletedExternally(
  deps: Deps,
  ref: AccessCodeRef,
  occurredAt: Instant,
): Promise<'recorded' | 'ignored'> {
  const r = await deps.reservations.getReservation(ref.hostId, ref.reservationId);
  if (!r) return 'ignored';
  const now = deps.clock.now();
  const ownsCode = (s: { lockId: string; accessCodeId?: string | undefined }) =>
    s.lockId === ref.lockId && s.accessCodeId === ref.accessCodeId;
  const state = r.code.locks.find(ownsCode);
  if (!state || state.status === 'removed') return 'ignored';
  if (state.status !== 'removing' && isLive(r, now)) {
    const locks = await loadLocks(deps, r.hostId, [ref.lockId, ...r.code.locks.map((s) => s.lockId)]);
    const cause = { kind: 'resync' as const, lockId: ref.lockId, at: now };
    const reprogrammed = await changeAndProvision(deps, r, locks, cause, (fresh) => {
      const current = fresh.code.locks.find(ownsCode);
      if (!current || current.status === 'removing' || current.status === 'removed' || !isLive(fresh, now)) {
        return false;
      }
      resetToPending(current);
      fresh.timeline.push({
        at: occurredAt,
        event: 'code.missing_on_lock',
        lockId: ref.lockId,
        detail: 'deleted outside Lockstep',
      });
      return true;
    });
    return reprogrammed ? 'recorded' : 'ignored';
  }
  let changed = false;
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    const current = fresh.code.locks.find(ownsCode);
    changed = current !== undefined && current.status !== 'removed';
    if (!current || !changed) return false;
    current.status = 'removed';
    current.removedAt = occurredAt;
    fresh.timeline.push({
      at: occurredAt,
      event: 'code.removed_from_lock',
      lockId: ref.lockId,
      detail: 'deleted outside Lockstep',
    });
    return true;
  });
  return changed ? 'recorded' : 'ignored';
}
