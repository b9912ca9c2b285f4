import type { ProvisioningInput } from '#ports/workflows.ts';
import { backupAfterMessage } from '../backup/follow-up.ts';
import { offlineCodes } from '../backup/offline-code.ts';
import type { Deps } from '../deps.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import { alertCodeFailed } from '../messages/alert-host.ts';
import { allBackups } from '../messages/code-message-rule.ts';
import { tellGuestOfNewPin } from '../messages/new-pin-follow-up.ts';
import type { Instant, Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import { nextAttemptAt } from '../time/retry-plan.ts';
import { programmingTime } from '../time/timeline.ts';
import { toIso } from '../time/zoned.ts';
import { isProvisioningTarget, needsAttempt } from './code-on-lock.ts';
import { awaitsConfirmation, confirmByStatusRead } from './confirm-by-status.ts';

// The provisioning workflow's Check step, after the wait for confirmations: done, retry, or stop.

const NOT_SET = new Set(['pending', 'requested', 'failed']);

/**
 * The workflow's Check step (R4.1, R4.2), plus R8.2: when the retries run out with the code still not on a lock,
 * the host hears it (unless the code message already told them, for the same stay window).
 */
export async function checkProvisioning(deps: Deps, input: ProvisioningInput): Promise<CheckResult> {
  const result = await planNextAttempt(deps, input);
  if (result.outcome !== 'stopped') return result;
  const r = await deps.reservations.getReservation(input.hostId, input.reservationId);
  if (r?.status !== 'accepted') return result;
  // A door with an offline code works without the own code (R11.2): nothing to alert about there.
  const offline = new Set(offlineCodes(allBackups(r)).map((b) => b.lockId));
  const failing = r.code.locks
    .filter((s) => NOT_SET.has(s.status) && !offline.has(s.lockId))
    .map((s) => s.lockId);
  if (failing.length === 0) return result;
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  await alertCodeFailed(deps, r, property, failing, 'retries_exhausted');
  return result;
}

export interface CheckResult {
  outcome: 'done' | 'retry' | 'stopped';
  nextAttemptAt?: string;
}

/** A lock counts only once the provider confirmed the code (R4.2); otherwise plan the next attempt (R4.1). */
async function planNextAttempt(deps: Deps, input: ProvisioningInput): Promise<CheckResult> {
  const read = await deps.reservations.getReservation(input.hostId, input.reservationId);
  if (read?.status !== 'accepted') return { outcome: 'stopped' };
  await tellGuestOfNewPin(deps, read); // R3.3: a PIN replaced after the code message, now attempted
  // R4.2, R9.5: a confirmation still missing after the wait may have been lost; the provider knows.
  // The locks are read only when needed: here, or below for a code not yet set.
  const waiting = read.code.locks.some(awaitsConfirmation);
  const known = waiting ? await reservationLocks(deps, read) : undefined;
  const r = known ? await confirmByStatusRead(deps, read, known) : read;
  const targets = r.code.locks.filter(isProvisioningTarget);
  if (targets.every((s) => s.status === 'set')) return { outcome: 'done' };
  const now = deps.clock.now();
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const locks = known ?? (await reservationLocks(deps, r));
  await backupAfterMessage(deps, r, locks); // R4.4: a failure learned after the code message
  const timeZone = property?.settings.timeZone ?? 'UTC';
  const dueAt = new Map<string, Instant>();
  const candidates: Instant[] = [];
  for (const state of targets.filter((s) => s.status !== 'set')) {
    const lock = locks.get(state.lockId);
    if (!lock) continue;
    const due = programmingTime(r.code, lock.nativeScheduling, now);
    const next = due > now ? due : nextAttemptAt(state.attemptedAt, now, timeZone, r.code.activeUntil);
    if (next !== undefined) candidates.push(next);
    dueAt.set(state.lockId, due);
  }
  if (candidates.length === 0) {
    await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
      fresh.timeline.push({
        at: now,
        event: 'provisioning.stopped',
        detail: 'window ended before every lock confirmed',
      });
      planAttempts(fresh, new Map());
      return true;
    });
    return { outcome: 'stopped' };
  }
  const wake = Math.min(...candidates);
  // The Attempt step at `wake` tries every lock whose programming time has come (attempt.ts).
  const planned = new Map([...dueAt].map(([lockId, due]) => [lockId, Math.max(due, wake)]));
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => planAttempts(fresh, planned));
  deps.metrics.count('RetriesPlanned');
  return { outcome: 'retry', nextAttemptAt: toIso(wake) };
}

/**
 * Pure: each lock that still needs an attempt gets its planned instant, so the host sees what
 * Lockstep will do next (R13.2); a lock with none planned loses a stale one. False when unchanged.
 */
export function planAttempts(r: Reservation, planned: ReadonlyMap<string, Instant>): boolean {
  let changed = false;
  for (const state of r.code.locks) {
    const next = isProvisioningTarget(state) && needsAttempt(state) ? planned.get(state.lockId) : undefined;
    if (state.nextAttemptAt === next) continue;
    state.nextAttemptAt = next;
    changed = true;
  }
  return changed;
}
