import type { ProvisioningInput } from '#ports/workflows.ts';
import type { Deps } from '../deps.ts';
import { type LockFailureReason, LockProviderError, TransientLockError } from '../errors.ts';
import { listCodes } from '../locks/device.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import type { Instant, Lock, LockCodeState, Reservation } from '../model.ts';
import { deleteCodes, recordRefusedDeletions } from '../removal/delete-codes.ts';
import { updateReservation } from '../reservations/update.ts';
import { programmingTime } from '../time/timeline.ts';
import {
  type CodeToDelete,
  isProvisioningTarget,
  needsAttempt,
  replacePin,
  resetToPending,
} from './code-on-lock.ts';
import { chooseFallbacks, type Fallbacks } from './fallbacks.ts';
import { offlineCodesForOfflineLocks } from './offline-at-programming.ts';

// The provisioning workflow's Attempt step (R2.3, R3.3, R3.4, R4.1). The state machine then waits for
// confirmations and runs the Check step (check.ts).

export interface Outcome {
  lockId: string;
  at: Instant;
  /** The code the provider now holds for this lock: created now, or found there already. */
  accessCodeId?: string | undefined;
  adopted?: boolean;
  error?: LockFailureReason | undefined;
  /** A failed code deleted before this attempt, so the retry does not meet it as a duplicate. */
  replaced?: string | undefined;
}

const attemptable = (s: LockCodeState) => isProvisioningTarget(s) && needsAttempt(s);

/**
 * Requests the code on every lock whose programming time has come and that does not hold it yet.
 * A duplicate rejection picks a new PIN for every lock, a name rejection a new name (R3.3, R3.4);
 * both take effect on the next attempt, which R4.1 plans.
 */
export async function attemptProvisioning(
  deps: Deps,
  input: ProvisioningInput,
): Promise<{ requested: number }> {
  const r = await deps.reservations.getReservation(input.hostId, input.reservationId);
  if (r?.status !== 'accepted') return { requested: 0 };
  const now = deps.clock.now();
  const locks = await reservationLocks(deps, r);
  const outcomes: Outcome[] = [];
  for (const state of r.code.locks.filter(attemptable)) {
    const lock = locks.get(state.lockId);
    if (!lock || programmingTime(r.code, lock.nativeScheduling, now) > now) continue;
    outcomes.push(await attemptOnLock(deps, r, lock, state, now, outcomes.length === 0));
  }
  if (outcomes.length === 0) return { requested: 0 };
  const fallbacks = await chooseFallbacks(deps, r, locks, outcomes);
  const sent = { pin: r.code.pin, name: r.code.name };
  let toDelete: CodeToDelete[] = [];
  const saved = await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    const result = record(fresh, sent, outcomes, fallbacks, now);
    toDelete = result.toDelete;
    return result.changed;
  });
  const refused = await deleteCodes(deps, toDelete, locks);
  if (refused.length > 0)
    await updateReservation(deps, r.hostId, r.reservationId, (f) => recordRefusedDeletions(f, refused, now));
  if (saved?.status === 'accepted')
    await offlineCodesForOfflineLocks(
      deps,
      saved,
      locks,
      outcomes.map((o) => o.lockId),
    );
  const created = new Set(outcomes.map((o) => o.accessCodeId));
  return {
    requested: (saved?.code.locks ?? []).filter(
      (s) => s.status === 'requested' && created.has(s.accessCodeId),
    ).length,
  };
}

async function attemptOnLock(
  deps: Deps,
  r: Reservation,
  lock: Lock,
  state: LockCodeState,
  now: Instant,
  first: boolean,
): Promise<Outcome> {
  const provider = deps.lockProvider(lock.provider);
  const base = { lockId: lock.lockId, at: now };
  let replaced: string | undefined;
  try {
    if (state.status === 'failed' && state.accessCodeId) {
      await provider.deleteCode(lock.deviceId, state.accessCodeId);
      replaced = state.accessCodeId;
    }
    const { accessCodeId } = await provider.createCode({
      deviceId: lock.deviceId,
      code: r.code.pin,
      name: r.code.name,
      ...(lock.nativeScheduling ? { startsAt: r.code.activeFrom, endsAt: r.code.activeUntil } : {}),
    });
    await putRef(deps, r, lock, accessCodeId);
    return { ...base, accessCodeId, replaced };
  } catch (error) {
    if (!(error instanceof LockProviderError)) throw error;
    if (error.reason === 'transient' && first) throw new TransientLockError(error.message);
    if (error.reason === 'duplicate_code') {
      const own = await ownCodeWithPin(deps, r, lock, state, replaced);
      if (own) return { ...base, accessCodeId: own, adopted: true, replaced };
    }
    return { ...base, error: error.reason, replaced };
  }
}

function putRef(deps: Deps, r: Reservation, lock: Lock, accessCodeId: string): Promise<void> {
  return deps.accessCodes.putAccessCodeRef({
    provider: lock.provider,
    accessCodeId,
    hostId: r.hostId,
    reservationId: r.reservationId,
    lockId: lock.lockId,
  });
}

/**
 * The duplicate may be this very code: another execution's request for it (a match or resync
 * starts one alongside), or a request whose result was lost. Then it is adopted, not replaced.
 */
async function ownCodeWithPin(
  deps: Deps,
  r: Reservation,
  lock: Lock,
  state: LockCodeState,
  replaced: string | undefined,
): Promise<string | undefined> {
  const stale = new Set([...(state.retiredAccessCodeIds ?? []), ...(replaced ? [replaced] : [])]);
  for (const code of await listCodes(deps, lock)) {
    if (code.code !== r.code.pin || stale.has(code.accessCodeId) || code.status === 'removing') continue;
    const ref = await deps.accessCodes.findAccessCode(lock.provider, code.accessCodeId);
    const ours = ref
      ? ref.hostId === r.hostId && ref.reservationId === r.reservationId && ref.lockId === lock.lockId
      : code.managed && code.name === r.code.name;
    if (!ours) continue;
    if (!ref) await putRef(deps, r, lock, code.accessCodeId);
    return code.accessCodeId;
  }
  return undefined;
}

/** Pure: what the attempt did, and the fallbacks it chose, written onto the fresh reservation. */
export function record(
  r: Reservation,
  sent: { pin: string; name: string },
  outcomes: readonly Outcome[],
  fallbacks: Fallbacks,
  now: Instant,
): { changed: boolean; toDelete: CodeToDelete[] } {
  const codes = (o: Outcome): CodeToDelete[] =>
    o.accessCodeId ? [{ lockId: o.lockId, accessCodeId: o.accessCodeId }] : [];
  // Another attempt replaced the PIN meanwhile: whatever this one put on a lock carries the old PIN.
  if (r.code.pin !== sent.pin) return { changed: false, toDelete: outcomes.flatMap(codes) };
  const toDelete: CodeToDelete[] = [];
  let changed = false;
  for (const o of outcomes) {
    const state = r.code.locks.find((s) => s.lockId === o.lockId && isProvisioningTarget(s));
    if (!state || !needsAttempt(state)) {
      // Confirmed meanwhile (same id), or the lock left the property (R1.3): an untracked code goes.
      if (o.accessCodeId && state?.accessCodeId !== o.accessCodeId) toDelete.push(...codes(o));
      continue;
    }
    changed = true;
    if (o.replaced && state.accessCodeId === o.replaced) resetToPending(state);
    state.attemptedAt.push(o.at);
    state.nextAttemptAt = undefined;
    if (o.accessCodeId) {
      state.status = 'requested';
      state.accessCodeId = o.accessCodeId;
      state.lastError = undefined;
      r.timeline.push({ at: o.at, event: 'code.requested', lockId: o.lockId });
    } else {
      state.status = 'failed';
      state.lastError = o.error;
      r.timeline.push({ at: o.at, event: 'code.attempt_failed', lockId: o.lockId, detail: o.error });
    }
  }
  if (fallbacks.name && r.code.name === sent.name && fallbacks.name.name !== sent.name) {
    r.code.name = fallbacks.name.name;
    changed = true;
    r.timeline.push({
      at: now,
      event: 'code.name_replaced',
      lockId: fallbacks.name.lockId,
      detail: fallbacks.name.reason,
    });
  }
  if (fallbacks.pin) {
    changed = true;
    if (fallbacks.pin.pin) toDelete.push(...replacePin(r, fallbacks.pin.pin, now, fallbacks.pin.reason));
    else r.timeline.push({ at: now, event: 'code.pin_not_replaced', detail: fallbacks.pin.reason });
  }
  return { changed, toDelete };
}
