import type { Deps } from '../deps.ts';
import { isOnline } from '../locks/device.ts';
import { alertCodeFailed } from '../messages/alert-host.ts';
import { allBackups, locksWithoutCode } from '../messages/code-message-rule.ts';
import { codeMessageId, sendCodeMessage } from '../messages/send-code-message.ts';
import type { Lock, Reservation } from '../model.ts';
import { MESSAGE_LEAD } from '../time/timeline.ts';
import { issueBackup } from './issue.ts';

// R4.4, R6.5: a failure learned after the guest was told a code. Before the code message
// time the message itself carries any backup (R5.1); from then on the guest needs a follow-up.

/**
 * The code message time has come and a message (the code message or a shortcode message) already
 * gave the guest a code: what they hold may now be wrong.
 */
export function toldACode(r: Reservation, now: number): boolean {
  const told = r.guestMessages?.some((m) => m.pin !== undefined && m.sent.length > 0) ?? false;
  return now >= r.code.activeFrom - MESSAGE_LEAD && told;
}

/**
 * A backup issued after the guest was told a code goes to the guest at once, on the same
 * routes as the code message ("use this code instead"); `issueBackup` already told the host's
 * endpoint (`access_method.reissued`). A backup the guest already received is not sent again.
 */
export async function tellGuestOfBackup(deps: Deps, r: Reservation): Promise<boolean> {
  // The code message naming these backups (its id changes with each lock's backup) went out already.
  const messageId = codeMessageId(r, true);
  if (!r.code.backup || r.guestMessages?.some((m) => m.messageId === messageId)) return false;
  if (!toldACode(r, deps.clock.now())) return false;
  return (await sendCodeMessage(deps, r.hostId, r.reservationId)) === 'sent';
}

/**
 * The provisioning workflow's Check found the code still not set after the guest was told it: a
 * lock whose attempt failed, or that is offline without the code, gets a backup now and the guest a
 * follow-up with it; with no backup to give, the host is alerted (R8.2, once per stay window).
 */
export async function backupAfterMessage(
  deps: Deps,
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
): Promise<boolean> {
  if (r.status !== 'accepted' || !toldACode(r, deps.clock.now())) return false;
  const unset = r.code.locks.filter((s) => s.status === 'pending' || s.status === 'requested');
  const offline: string[] = [];
  for (const state of unset) {
    const lock = locks.get(state.lockId);
    if (lock && !(await isOnline(deps, lock, true))) offline.push(lock.lockId);
  }
  const covered = new Set(allBackups(r).map((b) => b.lockId));
  const failing = locksWithoutCode(r, offline).filter((lockId) => !covered.has(lockId));
  if (failing.length === 0) return false;
  if (await issueBackup(deps, r, failing)) return tellGuestOfBackup(deps, r);
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  await alertCodeFailed(deps, r, property, failing, 'message_time');
  return false;
}
