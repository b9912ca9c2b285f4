import type { Deps } from '../deps.ts';
import { LockProviderError } from '../errors.ts';
import type { Lock, LockCodeState, Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';

/** A code requested and not yet confirmed either way. */
export const awaitsConfirmation = (s: LockCodeState): s is LockCodeState & { accessCodeId: string } =>
  s.status === 'requested' && s.accessCodeId !== undefined;

type Finding = { lockId: string; accessCodeId: string; outcome: 'set' | 'failed' };

/**
 * R4.2: a code counts as set when the provider confirms it by webhook **or a status read**. A
 * confirmation webhook may be lost (R9.5): every code still `requested` is read from the provider;
 * one it shows set counts as set, one it no longer knows failed (its rejection was lost too), so
 * R4.1's retries take it up. A code still pending on the provider waits for its webhook.
 */
export async function confirmByStatusRead(
  deps: Deps,
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
): Promise<Reservation> {
  const waiting = r.code.locks.filter(awaitsConfirmation);
  const findings: Finding[] = [];
  for (const state of waiting) {
    const lock = locks.get(state.lockId);
    if (!lock) continue;
    const code = await readCode(deps, lock, state.accessCodeId);
    if (code === 'unreadable') continue;
    const outcome = code === undefined || code.failure ? 'failed' : code.status === 'set' ? 'set' : undefined;
    if (outcome) findings.push({ lockId: state.lockId, accessCodeId: state.accessCodeId, outcome });
  }
  if (findings.length === 0) return r;
  const now = deps.clock.now();
  const updated = await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    let changed = false;
    for (const f of findings) {
      const state = fresh.code.locks.find((s) => s.lockId === f.lockId);
      // Only the very request read: a webhook or another attempt may have moved on meanwhile.
      if (state?.status !== 'requested' || state.accessCodeId !== f.accessCodeId) continue;
      changed = true;
      state.status = f.outcome;
      if (f.outcome === 'set') state.setAt = now;
      else state.lastError = 'failed_to_set';
      const event = f.outcome === 'set' ? 'code.set_on_lock' : 'code.failed_on_lock';
      fresh.timeline.push({ at: now, event, lockId: f.lockId, detail: 'confirmed by status read' });
    }
    return changed;
  });
  return updated ?? r;
}

/** The provider's view of one code; a passing failure of the read leaves the code as it stands. */
async function readCode(deps: Deps, lock: Lock, accessCodeId: string) {
  try {
    return await deps.lockProvider(lock.provider).getCode(lock.deviceId, accessCodeId);
  } catch (error) {
    if (error instanceof LockProviderError) return 'unreadable' as const;
    throw error;
  }
}
