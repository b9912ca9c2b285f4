import { createHash } from 'node:crypto';
import type { Instant, Lock, Reservation } from '../model.ts';
import { jobName, reservationJob } from '../reservations/jobs.ts';
import { deletionEntryAt, nativeOf } from '../reservations/removal.ts';
import { messageAt } from '../time/timeline.ts';
import type { Deps } from './deps.ts';
import { notePlan, type ProvisioningPlan, provisioningPlan } from './lock-codes.ts';

// R2.4: after a change, each scheduled entry follows the newest version of the reservation.

export interface EntryPlan {
  /** Undefined: the change left the locks and the window alone, so the entry and any execution stand. */
  provision?: ProvisioningPlan | undefined;
  /** Set when the message entry moves (activeFrom moved); left alone otherwise. */
  messageAt?: Instant | undefined;
  /** Undefined: nothing left to delete, the entry goes. */
  deleteAt?: Instant | undefined;
}

/** Pure: the entries of `r` as it now stands, put on its timeline so the host sees them move (R8.1). */
export function planEntries(
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  now: Instant,
  moved: { locks: boolean; activeFrom: boolean },
): EntryPlan {
  const plan: EntryPlan = {
    provision: moved.locks ? provisioningPlan(r, locks, now) : undefined,
    messageAt: moved.activeFrom && r.status === 'accepted' ? messageAt(r.code, now) : undefined,
    deleteAt: deletionEntryAt(r, nativeOf(locks), now),
  };
  if (plan.provision) notePlan(r, plan.provision, 'reservation changed', now);
  const iso = (t: Instant) => new Date(t).toISOString();
  if (plan.messageAt !== undefined)
    r.timeline.push({ at: now, event: 'schedule.message', detail: iso(plan.messageAt) });
  if (plan.deleteAt !== undefined)
    r.timeline.push({ at: now, event: 'schedule.delete', detail: iso(plan.deleteAt) });
  return plan;
}

/** Carries the plan out: the message and deletion entries move, or the deletion entry goes. */
export async function carryOutEntries(
  deps: Deps,
  r: Reservation,
  plan: EntryPlan,
  now: Instant,
): Promise<void> {
  if (plan.provision) await carryOutProvisioning(deps, r, plan.provision, now);
  if (plan.messageAt !== undefined)
    await deps.scheduler.schedule(reservationJob('message', plan.messageAt, r));
  if (plan.deleteAt !== undefined) await deps.scheduler.schedule(reservationJob('delete', plan.deleteAt, r));
  else await deps.scheduler.cancel(jobName('delete', r.hostId, r.reservationId));
}

/**
 * A lock due now starts an execution at once (named for the change's instant, so a retried call
 * starts it once); otherwise the provisioning entry moves, or goes when no lock waits.
 */
async function carryOutProvisioning(
  deps: Deps,
  r: Reservation,
  plan: ProvisioningPlan,
  now: Instant,
): Promise<void> {
  if (plan.kind === 'schedule') {
    await deps.scheduler.schedule(reservationJob('provision', plan.at, r));
    return;
  }
  if (plan.kind === 'start') {
    const digest = createHash('sha256').update(`${r.hostId}\u0000${r.reservationId}`).digest('hex');
    await deps.workflows.startProvisioning(
      { hostId: r.hostId, reservationId: r.reservationId },
      `change-${digest.slice(0, 40)}-${now}`,
    );
  }
  await deps.scheduler.cancel(jobName('provision', r.hostId, r.reservationId));
}
