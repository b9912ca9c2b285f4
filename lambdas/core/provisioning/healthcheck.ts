import { tellGuestOfBackup } from '../backup/follow-up.ts';
import { issueBackup } from '../backup/issue.ts';
import type { Deps } from '../deps.ts';
import { isOnline } from '../locks/device.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import { alertCodeFailed } from '../messages/alert-host.ts';
import { allBackups } from '../messages/code-message-rule.ts';
import type { Lock, LockCodeState, Reservation } from '../model.ts';
import { programmingTime } from '../time/timeline.ts';

// R4.3: the daily healthcheck at 08:00 America/New_York, one shard of the `byDue` index at a time
// (the Distributed Map's item). It only queries the index; it never scans the table.

export const HEALTHCHECK_WINDOW = 24 * 3_600_000;

export interface HealthcheckShardResult {
  shard: number;
  examined: number;
  atRisk: number;
  backupsIssued: number;
  alerted: number;
}

/** States of a lock that should carry the code; removals belong to R7. */
const CARRIES_CODE = new Set(['pending', 'requested', 'set', 'failed']);

/**
 * R4.3 at risk: not confirmed on a lock where it should already be set, its last attempt failed, or
 * one of its locks offline without it.
 */
export function locksAtRisk(
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  offline: ReadonlySet<string>,
  at: number,
): string[] {
  const risky = (s: LockCodeState): boolean => {
    if (!CARRIES_CODE.has(s.status) || s.status === 'set') return false;
    const lock = locks.get(s.lockId);
    const due = lock !== undefined && programmingTime(r.code, lock.nativeScheduling, 0) <= at;
    return s.status === 'failed' || s.lastError !== undefined || offline.has(s.lockId) || due;
  };
  return r.code.locks.filter(risky).map((s) => s.lockId);
}

export async function runHealthcheckShard(deps: Deps, shard: number): Promise<HealthcheckShardResult> {
  const at = deps.clock.now();
  const result: HealthcheckShardResult = { shard, examined: 0, atRisk: 0, backupsIssued: 0, alerted: 0 };
  for (const r of await deps.reservations.listDueReservations(shard, at, at + HEALTHCHECK_WINDOW)) {
    if (r.status !== 'accepted') continue;
    result.examined++;
    const locks = await reservationLocks(deps, r);
    const offline = new Set<string>();
    for (const lock of locks.values()) if (!(await isOnline(deps, lock, true))) offline.add(lock.lockId);
    const atRisk = locksAtRisk(r, locks, offline, at);
    const covered = new Set(allBackups(r).map((b) => b.lockId));
    if (atRisk.every((lockId) => covered.has(lockId))) continue;
    result.atRisk++;
    if (await issueBackup(deps, r, atRisk)) {
      result.backupsIssued++;
      await tellGuestOfBackup(deps, r); // R4.4: the guest already holds their own code
    } else {
      const property = await deps.properties.getProperty(r.hostId, r.propertyId);
      // Worded as at message time: access starts soon and the lock has not confirmed the code.
      if (await alertCodeFailed(deps, r, property, atRisk, 'message_time')) result.alerted++;
    }
  }
  return result;
}
