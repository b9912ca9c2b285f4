import { createHash } from 'node:crypto';
import { backupIfOffline } from '../backup/issue.ts';
import type { Deps } from '../deps.ts';
import type { Instant, Lock, Reservation } from '../model.ts';
import { notePlan, type ProvisioningPlan, provisioningPlan } from '../provisioning/plan.ts';
import { deletionEntryAt, nativeOf } from '../removal/removal-times.ts';
import { messageAt } from '../time/timeline.ts';
import { backupCheckAt, entryName, reservationEntry } from './entries.ts';

// R2.4: after a change, each scheduled entry follows the newest version of the reservation.

export interface EntryPlan {
  /** Undefined: the change left the locks and the window alone, so the entry and any execution stand. */
  provision?: ProvisioningPlan | undefined;
  /** Set when the message entry moves (activeFrom moved); left alone otherwise. */
  messageAt?: Instant | undefined;
  /** Undefined: nothing left to delete, the entry goes. */
  deleteAt?: Instant | undefined;
  /**
   * R4.4's 36-hours-before check: an instant moves the entry there; `now` runs the check at once
   * (activeFrom is 36 hours away or less) and removes any entry; undefined leaves the entry alone.
   */
  backupCheck?: Instant | 'now' | undefined;
}

/** Pure: the entries of `r` as it now stands, put on its timeline so the host sees them move (R8.1). */
export function planEntries(
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  now: Instant,
  moved: { locks: boolean; activeFrom: boolean; backups?: boolean },
): EntryPlan {
  const plan: EntryPlan = {
    provision: moved.locks ? provisioningPlan(r, locks, now) : undefined,
    messageAt: moved.activeFrom && r.status === 'accepted' ? messageAt(r.code, now) : undefined,
    deleteAt: deletionEntryAt(r, nativeOf(locks), now),
    backupCheck: planBackupCheck(r, now, moved),
  };
  if (plan.provision) notePlan(r, plan.provision, 'reservation changed', now);
  const iso = (t: Instant) => new Date(t).toISOString();
  if (plan.messageAt !== undefined)
    r.timeline.push({ at: now, event: 'schedule.message', detail: iso(plan.messageAt) });
  if (plan.deleteAt !== undefined)
    r.timeline.push({ at: now, event: 'schedule.delete', detail: iso(plan.deleteAt) });
  if (typeof plan.backupCheck === 'number')
    r.timeline.push({ at: now, event: 'schedule.backup-check', detail: iso(plan.backupCheck) });
  return plan;
}

/**
 * R4.4 after a change: a moved activeFrom moves the 36-hours-before entry, or runs the check at once
 * when 36 hours or less remain; new locks that close get the check at once too (an entry still
 * ahead reads the new locks when it fires).
 */
function planBackupCheck(
  r: Reservation,
  now: Instant,
  moved: { locks: boolean; activeFrom: boolean; backups?: boolean },
): Instant | 'now' | undefined {
  if (r.status !== 'accepted' || !moved.backups || r.code.activeFrom <= now) return undefined;
  const at = backupCheckAt(r.code, now);
  if (at !== undefined) return moved.activeFrom ? at : undefined;
  return moved.activeFrom || moved.locks ? 'now' : undefined;
}

/** Whether the reservation ever had a 36-hours-before entry (so there may be one to move or remove). */
export const hadBackupCheck = (r: Reservation): boolean =>
  r.timeline.some((t) => t.event === 'schedule.backup-check');

/** Carries the plan out: the message and deletion entries move, or the deletion entry goes. */
export async function carryOutEntries(
  deps: Deps,
  r: Reservation,
  plan: EntryPlan,
  now: Instant,
): Promise<void> {
  if (plan.provision) await carryOutProvisioning(deps, r, plan.provision, now);
  if (plan.messageAt !== undefined)
    await deps.scheduler.schedule(reservationEntry('message', plan.messageAt, r));
  if (plan.deleteAt !== undefined)
    await deps.scheduler.schedule(reservationEntry('delete', plan.deleteAt, r));
  else await deps.scheduler.cancel(entryName('delete', r.hostId, r.reservationId));
  if (typeof plan.backupCheck === 'number')
    await deps.scheduler.schedule(reservationEntry('backup-check', plan.backupCheck, r));
  else if (plan.backupCheck === 'now') {
    if (hadBackupCheck(r)) await deps.scheduler.cancel(entryName('backup-check', r.hostId, r.reservationId));
    await backupIfOffline(deps, r);
  }
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
    await deps.scheduler.schedule(reservationEntry('provision', plan.at, r));
    return;
  }
  if (plan.kind === 'start') {
    const digest = createHash('sha256').update(`${r.hostId}\u0000${r.reservationId}`).digest('hex');
    await deps.workflows.startProvisioning(
      { hostId: r.hostId, reservationId: r.reservationId },
      `change-${digest.slice(0, 40)}-${now}`,
    );
  }
  await deps.scheduler.cancel(entryName('provision', r.hostId, r.reservationId));
}
