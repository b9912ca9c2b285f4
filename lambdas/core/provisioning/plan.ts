import { createHash } from 'node:crypto';
import type { Deps } from '../deps.ts';
import type { Instant, Lock, Reservation } from '../model.ts';
import { entryName } from '../reservations/entries.ts';
import { isLive } from '../reservations/live.ts';
import { provisionAt } from '../time/timeline.ts';
import { isProvisioningTarget, needsAttempt } from './code-on-lock.ts';

// R2.3, R2.4: getting provisioning going again after a lock joined a reservation or lost its code
// (matching, resync, a change): start the workflow now, or move the provisioning entry.

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
  const provisionEntry = entryName('provision', r.hostId, r.reservationId);
  if (plan.kind === 'schedule') {
    await deps.scheduler.schedule({ name: provisionEntry, kind: 'provision', at: plan.at, ...input });
  } else if (plan.kind === 'start') {
    const digest = createHash('sha256')
      .update(`${r.hostId}\u0000${r.reservationId}\u0000${cause.lockId}`)
      .digest('hex');
    await deps.workflows.startProvisioning(input, `${cause.kind}-${digest.slice(0, 40)}-${cause.at}`);
    // The execution now covers every lock; an entry still pending would only start a second one.
    await deps.scheduler.cancel(provisionEntry);
  }
}

/** Pure: the plan on the timeline, so the host sees why provisioning moved (R2.4, R8.1). */
export function notePlan(r: Reservation, plan: ProvisioningPlan, cause: string, at: Instant): void {
  if (plan.kind === 'start') r.timeline.push({ at, event: 'provisioning.started', detail: cause });
  if (plan.kind === 'schedule')
    r.timeline.push({ at, event: 'schedule.provision', detail: new Date(plan.at).toISOString() });
}
