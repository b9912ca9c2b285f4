import { createHash } from 'node:crypto';
import type { CodeOnDevice } from '#ports/lock-provider.ts';
import { lockConstraints } from '../codes/constraints.ts';
import { choosePin } from '../codes/pin.ts';
import type { Deps } from '../deps.ts';
import { LockProviderError, NoValidPinError } from '../errors.ts';
import type { Instant, Lock, Property, Reservation } from '../model.ts';
import { jobName } from '../reservations/entries.ts';
import { provisionAt } from '../time/timeline.ts';
import {
  type CodeToDelete,
  isLive,
  isProvisioningTarget,
  needsAttempt,
  ownAccessCodeIds,
} from './code-on-lock.ts';

// What matching (R1) and the provisioning workflow's fallbacks (R3.3) share: the codes on the
// locks, a replacement PIN, deleting superseded codes and getting provisioning going again.

export async function getLocks(deps: Deps, hostId: string, lockIds: readonly string[]): Promise<Lock[]> {
  const locks = await Promise.all([...new Set(lockIds)].map((id) => deps.locks.getLock(hostId, id)));
  return locks.filter((l): l is Lock => l !== undefined);
}

export async function liveReservations(
  deps: Deps,
  hostId: string,
  propertyId: string,
  now: Instant,
): Promise<Reservation[]> {
  return (await deps.reservations.listReservations(hostId, propertyId, now)).filter((r) => isLive(r, now));
}

/**
 * The lock's own word on whether it is online. `whenUnknown` is the answer when the provider cannot
 * say: callers that would raise an alarm or issue a backup assume online; callers that would program
 * codes assume offline.
 */
export function isOnline(deps: Deps, lock: Lock, whenUnknown: boolean): Promise<boolean> {
  return deps
    .lockProvider(lock.provider)
    .getDevice(lock.deviceId)
    .then(
      (d) => d.online,
      () => whenUnknown,
    );
}

export function listCodes(deps: Deps, lock: Lock): Promise<CodeOnDevice[]> {
  return deps.lockProvider(lock.provider).listCodes(lock.deviceId);
}

/** Codes and names a code of `r` must not collide with: on the locks, and the property's other live codes. */
export async function takenByOthers(
  deps: Deps,
  r: Reservation,
  locks: readonly Lock[],
): Promise<{ codes: Set<string>; names: Set<string>; others: Reservation[] }> {
  const own = ownAccessCodeIds(r);
  const onLocks = (await Promise.all(locks.map((l) => listCodes(deps, l)))).flat();
  const others = (await liveReservations(deps, r.hostId, r.propertyId, deps.clock.now())).filter(
    (o) => o.reservationId !== r.reservationId,
  );
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const c of onLocks) {
    // The rejected PIN stays taken even on our own codes; only our own name is free to reuse.
    if (c.code) codes.add(c.code);
    if (!own.has(c.accessCodeId)) names.add(c.name);
  }
  for (const o of others) {
    codes.add(o.code.pin);
    names.add(o.code.name);
  }
  return { codes, names, others };
}

/**
 * R3.3: a PIN valid on every lock and equal to none of `taken` nor to the current PIN (a lock may
 * hide the PINs it holds, so the one it refused is named explicitly). Undefined, with the reason
 * for the timeline, when no PIN can exist; the caller keeps retrying under R4.1.
 */
export function replacementPin(
  deps: Pick<Deps, 'random'>,
  r: Reservation,
  property: Property | undefined,
  locks: readonly Lock[],
  taken: Iterable<string>,
): { pin: string; problem?: undefined } | { pin?: undefined; problem: string } {
  try {
    const choice = choosePin({
      locks: locks.map(lockConstraints),
      takenCodes: [...taken, r.code.pin],
      source: property?.settings.codeSource ?? 'random',
      phone: r.guest.phone,
      random: deps.random,
    });
    return { pin: choice.pin };
  } catch (error) {
    if (error instanceof NoValidPinError) return { problem: error.message };
    throw error;
  }
}

/**
 * Deletes superseded codes from their locks (deleteCode is idempotent). A refusal is returned, not
 * thrown, so the caller can put it on the timeline; the codes are known by id for a later retry.
 */
export async function deleteCodes(
  deps: Deps,
  codes: readonly CodeToDelete[],
  locks: ReadonlyMap<string, Lock>,
): Promise<{ lockId: string; reason: string }[]> {
  const refused: { lockId: string; reason: string }[] = [];
  for (const { lockId, accessCodeId } of codes) {
    const lock = locks.get(lockId);
    if (!lock) continue;
    try {
      await deps.lockProvider(lock.provider).deleteCode(lock.deviceId, accessCodeId);
    } catch (error) {
      if (!(error instanceof LockProviderError)) throw error;
      refused.push({ lockId, reason: error.reason });
    }
  }
  return refused;
}

export type ProvisioningPlan = { kind: 'none' } | { kind: 'start' } | { kind: 'schedule'; at: Instant };

/**
 * After a lock joined or lost its code: when a lock is due now (R2.3) the workflow starts at once;
 * otherwise the reservation's provisioning entry moves to the earliest programming time, so one
 * execution starts then rather than a second one waiting alongside it.
 */
export function provisioningPlan(
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  now: Instant,
): ProvisioningPlan {
  const waiting = r.code.locks.filter((s) => isProvisioningTarget(s) && needsAttempt(s));
  const native = waiting.map((s) => locks.get(s.lockId)?.nativeScheduling).filter((n) => n !== undefined);
  if (!isLive(r, now) || native.length === 0) return { kind: 'none' };
  const at = provisionAt(r.code, native, now);
  return at > now ? { kind: 'schedule', at } : { kind: 'start' };
}

/** Carries out a plan; execution names are unique per cause, lock and instant (Step Functions keeps them 90 days). */
export async function carryOut(
  deps: Deps,
  r: Reservation,
  plan: ProvisioningPlan,
  cause: { kind: 'match' | 'resync'; lockId: string; at: Instant },
): Promise<void> {
  const input = { hostId: r.hostId, reservationId: r.reservationId };
  const provisionJob = jobName('provision', r.hostId, r.reservationId);
  if (plan.kind === 'schedule') {
    await deps.scheduler.schedule({ name: provisionJob, kind: 'provision', at: plan.at, ...input });
  } else if (plan.kind === 'start') {
    const digest = createHash('sha256')
      .update(`${r.hostId}\u0000${r.reservationId}\u0000${cause.lockId}`)
      .digest('hex');
    await deps.workflows.startProvisioning(input, `${cause.kind}-${digest.slice(0, 40)}-${cause.at}`);
    // The execution now covers every lock; an entry still pending would only start a second one.
    await deps.scheduler.cancel(provisionJob);
  }
}

/** Puts refused deletions on the timeline (never a PIN, R9.4). */
export function recordRefusedDeletions(
  r: Reservation,
  refused: readonly { lockId: string; reason: string }[],
  at: Instant,
): boolean {
  for (const { lockId, reason } of refused) {
    r.timeline.push({ at, event: 'code.removal_failed', lockId, detail: reason });
  }
  return refused.length > 0;
}

/** Pure: the plan on the timeline, so the host sees why provisioning moved (R2.4, R8.1). */
export function notePlan(r: Reservation, plan: ProvisioningPlan, cause: string, at: Instant): void {
  if (plan.kind === 'start') r.timeline.push({ at, event: 'provisioning.started', detail: cause });
  if (plan.kind === 'schedule')
    r.timeline.push({ at, event: 'schedule.provision', detail: new Date(plan.at).toISOString() });
}
