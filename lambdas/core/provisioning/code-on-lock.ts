import type { Instant, LockCodeState, Reservation } from '../model.ts';

// A reservation's code on each lock, as matching (R1) and the PIN fallbacks (R3.3) change it.
// Pure: these run inside `updateReservation`'s change, which may run again on a fresh copy.

/** A code the provider holds for this reservation on a lock, to be deleted once the change is saved. */
export interface CodeToDelete {
  lockId: string;
  accessCodeId: string;
}

/** The lock serves the reservation's property: its code belongs there (not on the way out). */
export const isProvisioningTarget = (s: LockCodeState): boolean =>
  s.status !== 'removing' && s.status !== 'removed';

/** The Attempt step acts on these (R4.1). */
export const needsAttempt = (s: LockCodeState): boolean => s.status === 'pending' || s.status === 'failed';

export function targetState(r: Reservation, lockId: string): LockCodeState | undefined {
  return r.code.locks.find((s) => s.lockId === lockId && isProvisioningTarget(s));
}

/** Every access code id the reservation has had, current or retired: all of them are Lockstep's. */
export function ownAccessCodeIds(r: Reservation): Set<string> {
  return new Set(
    r.code.locks.flatMap((s) => [
      ...(s.accessCodeId ? [s.accessCodeId] : []),
      ...(s.retiredAccessCodeIds ?? []),
    ]),
  );
}

/**
 * Back to `pending`, forgetting the current access code (kept as retired so its late webhooks are
 * ignored). Returns the retired id, if there was one.
 */
export function resetToPending(state: LockCodeState): string | undefined {
  const old = state.accessCodeId;
  if (old && !state.retiredAccessCodeIds?.includes(old)) {
    state.retiredAccessCodeIds = [...(state.retiredAccessCodeIds ?? []), old];
  }
  state.status = 'pending';
  state.accessCodeId = undefined;
  state.setAt = undefined;
  state.removedAt = undefined;
  state.lastError = undefined;
  return old;
}

/** R1.2: the lock joins the code's locks as `pending`; a state left from an earlier match is revived. */
export function addLock(r: Reservation, lockId: string, at: Instant): boolean {
  if (targetState(r, lockId)) return false;
  const old = r.code.locks.find((s) => s.lockId === lockId);
  r.timeline.push({ at, event: 'code.lock_added', lockId });
  if (!old) {
    r.code.locks.push({ lockId, status: 'pending', attemptedAt: [] });
    return true;
  }
  // A removal still on its way is left to finish; the retired id keeps its webhook from counting.
  old.attemptedAt = [];
  resetToPending(old);
  return true;
}

/**
 * R3.3 (and R1.2 when the PIN does not fit a newly matched lock): a new PIN for every lock. Locks
 * that hold or were sent the old PIN go back to `pending`, and their old codes are returned for
 * deletion. The PIN never enters the timeline (R9.4).
 */
export function replacePin(r: Reservation, pin: string, at: Instant, reason: string): CodeToDelete[] {
  r.code.pin = pin;
  r.timeline.push({ at, event: 'code.pin_replaced', detail: reason });
  const toDelete: CodeToDelete[] = [];
  for (const state of r.code.locks.filter(isProvisioningTarget)) {
    const old = state.accessCodeId;
    if (!old) continue;
    resetToPending(state);
    toDelete.push({ lockId: state.lockId, accessCodeId: old });
    r.timeline.push({ at, event: 'code.removal_requested', lockId: state.lockId, detail: 'PIN replaced' });
  }
  return toDelete;
}

/**
 * R1.3: the lock no longer serves the reservation's property. A code already requested there is
 * deleted (`removing` until the provider confirms); a lock that never got one simply leaves.
 */
export function detachLock(
  r: Reservation,
  lockId: string,
  at: Instant,
  reason: string,
): { changed: boolean; toDelete: CodeToDelete[] } {
  const state = targetState(r, lockId);
  if (!state) return { changed: false, toDelete: [] };
  if (!state.accessCodeId) {
    r.code.locks = r.code.locks.filter((s) => s !== state);
    r.timeline.push({ at, event: 'code.lock_dropped', lockId, detail: reason });
    return { changed: true, toDelete: [] };
  }
  state.status = 'removing';
  r.timeline.push({ at, event: 'code.removal_requested', lockId, detail: reason });
  return { changed: true, toDelete: [{ lockId, accessCodeId: state.accessCodeId }] };
}

/** A code of this reservation is being deleted from a lock for a reason found outside it (R1.3). */
export function markRemoving(r: Reservation, accessCodeId: string, at: Instant, reason: string): boolean {
  const state = r.code.locks.find((s) => s.accessCodeId === accessCodeId);
  if (!state || !isProvisioningTarget(state)) return false;
  state.status = 'removing';
  r.timeline.push({ at, event: 'code.removal_requested', lockId: state.lockId, detail: reason });
  return true;
}
