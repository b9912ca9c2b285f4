import { LockProviderError } from '#ports/lock-provider.ts';
import type { ProvisioningInput } from '#ports/workflows.ts';
import type { Instant, Lock, LockCodeState, Reservation } from '../model.ts';
import { nextAttemptAt } from '../time/retry-plan.ts';
import { programmingTime } from '../time/timeline.ts';
import { toIso } from '../time/zoned.ts';
import type { Deps } from './deps.ts';
import { updateReservation } from './update-reservation.ts';

// The provisioning workflow's two steps (R2.3, R4.1, R4.2). The state machine waits between them.

/** A provider hiccup (5xx, throttling): the workflow retries the step before it counts as an attempt. */
export class TransientLockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientLockError';
  }
}

type Outcome = { lockId: string; accessCodeId?: string; error?: string; at: Instant };

const needsAttempt = (s: LockCodeState): boolean => s.status === 'pending' || s.status === 'failed';

async function loadLocks(deps: Deps, r: Reservation): Promise<Map<string, Lock>> {
  const locks = await Promise.all(r.code.locks.map((s) => deps.store.getLock(r.hostId, s.lockId)));
  return new Map(locks.filter((l): l is Lock => l !== undefined).map((l) => [l.lockId, l]));
}

/** Requests the code on every lock whose programming time has come and that does not hold it yet. */
export async function attemptProvisioning(
  deps: Deps,
  input: ProvisioningInput,
): Promise<{ requested: number }> {
  const r = await deps.store.getReservation(input.hostId, input.reservationId);
  if (r?.status !== 'accepted') return { requested: 0 };
  const now = deps.clock.now();
  const locks = await loadLocks(deps, r);
  const outcomes: Outcome[] = [];
  for (const state of r.code.locks.filter(needsAttempt)) {
    const lock = locks.get(state.lockId);
    if (!lock || programmingTime(r.code, lock.nativeScheduling, now) > now) continue;
    const provider = deps.lockProvider(lock.provider);
    try {
      const { accessCodeId } = await provider.createCode({
        deviceId: lock.deviceId,
        code: r.code.pin,
        name: r.code.name,
        ...(lock.nativeScheduling ? { startsAt: r.code.activeFrom, endsAt: r.code.activeUntil } : {}),
      });
      await deps.store.putAccessCodeRef({
        provider: lock.provider,
        accessCodeId,
        hostId: r.hostId,
        reservationId: r.reservationId,
        lockId: lock.lockId,
      });
      outcomes.push({ lockId: lock.lockId, accessCodeId, at: now });
    } catch (error) {
      if (!(error instanceof LockProviderError)) throw error;
      if (error.reason === 'transient' && outcomes.length === 0) throw new TransientLockError(error.message);
      outcomes.push({ lockId: lock.lockId, error: error.reason, at: now });
    }
  }
  if (outcomes.length > 0)
    await updateReservation(deps, r.hostId, r.reservationId, (fresh) => record(fresh, outcomes));
  return { requested: outcomes.filter((o) => o.accessCodeId).length };
}

function record(r: Reservation, outcomes: readonly Outcome[]): boolean {
  for (const o of outcomes) {
    const state = r.code.locks.find((s) => s.lockId === o.lockId);
    // A confirmation webhook may already have landed; never step back from it (R4.2).
    if (!state || !needsAttempt(state)) continue;
    state.attemptedAt.push(o.at);
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
  return true;
}

export interface CheckResult {
  outcome: 'done' | 'retry' | 'stopped';
  nextAttemptAt?: string;
}

/** A lock counts only once the provider confirmed the code (R4.2); otherwise plan the next attempt (R4.1). */
export async function checkProvisioning(deps: Deps, input: ProvisioningInput): Promise<CheckResult> {
  const r = await deps.store.getReservation(input.hostId, input.reservationId);
  if (r?.status !== 'accepted') return { outcome: 'stopped' };
  if (r.code.locks.every((s) => s.status === 'set')) return { outcome: 'done' };
  const now = deps.clock.now();
  const property = await deps.store.getProperty(r.hostId, r.propertyId);
  const locks = await loadLocks(deps, r);
  const timeZone = property?.settings.timeZone ?? 'UTC';
  const candidates: Instant[] = [];
  for (const state of r.code.locks.filter((s) => s.status !== 'set')) {
    const lock = locks.get(state.lockId);
    if (!lock) continue;
    const due = programmingTime(r.code, lock.nativeScheduling, now);
    const next = due > now ? due : nextAttemptAt(state.attemptedAt, now, timeZone, r.code.activeUntil);
    if (next !== undefined) candidates.push(next);
  }
  if (candidates.length === 0) {
    await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
      fresh.timeline.push({
        at: now,
        event: 'provisioning.stopped',
        detail: 'window ended before every lock confirmed',
      });
      return true;
    });
    return { outcome: 'stopped' };
  }
  return { outcome: 'retry', nextAttemptAt: toIso(Math.min(...candidates)) };
}
