import type { Deps } from '../deps.ts';
import { LockProviderError } from '../errors.ts';
import type { Instant, Lock, Reservation } from '../model.ts';
import type { CodeToDelete } from '../provisioning/code-on-lock.ts';

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
