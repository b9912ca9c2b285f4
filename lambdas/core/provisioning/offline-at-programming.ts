import { issueBackup } from '../backup/issue.ts';
import { modelHasOfflineCodes } from '../backup/offline-code.ts';
import type { Deps } from '../deps.ts';
import { isOnline } from '../locks/device.ts';
import type { Lock, Reservation } from '../model.ts';

/**
 * R11.2 at programming time: a lock whose model computes offline codes and that is offline now gets
 * an offline code for the door at once; the own code stays requested for when it reconnects. Only
 * offline codes: a pool backup waits for the 36-hour check (R4.4).
 */
export async function offlineCodesForOfflineLocks(
  deps: Deps,
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  lockIds: readonly string[],
): Promise<void> {
  const offline: string[] = [];
  for (const lockId of lockIds) {
    const lock = locks.get(lockId);
    if (lock && modelHasOfflineCodes(lock) && !(await isOnline(deps, lock, true))) offline.push(lockId);
  }
  if (offline.length > 0) await issueBackup(deps, r, offline, 'offline codes only');
}
