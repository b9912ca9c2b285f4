import { issueBackup, returnUnusedBackup } from '../backup/issue.ts';
import { listedOnce, refillPool } from '../backup/pool-upkeep.ts';
import type { Deps } from '../deps.ts';
import { isOnline } from '../locks/device.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import type { Lock, Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import { alertCodeFailed, alertMessageFailed } from './alert-host.ts';
import { codeMessageFor } from './code-message-for.ts';
import {
  allBackups,
  codeProblems,
  currentCode,
  decideCodeMessage,
  locksWithoutCode,
} from './code-message-rule.ts';
import { deliverGuestMessage } from './guest-delivery.ts';
import { messageKey } from './message-id.ts';
import { chooseSender } from './sender.ts';

export type CodeMessageOutcome = 'sent' | 'not_needed' | 'already_handled' | 'not_delivered' | 'not_accepted';

/**
 * One code message per stay window and code: the key a retried step finds again. A replaced PIN
 * (R3.3) counts up its generation, so the new PIN is a new message; the first keeps its old key.
 */
export const codeMessageId = (r: Reservation, isBackup: boolean): string =>
  messageKey(
    'code',
    [r.hostId, r.reservationId],
    r.code.activeFrom,
    isBackup ? backupsKey(r) : '',
    generation(r, 'code.pin_replaced', 'pin'),
    // An offline code replaced after a move (R11.2) is a new code under the same pool key.
    isBackup ? generation(r, 'offline_code.outgrown', 'offline') : '',
    // A staff member is told again when the end of their window moves (R12.2).
    ...(r.staff ? [`until${r.code.activeUntil}`] : []),
  );

/** How many times `event` replaced the code, as a key part (`pin2`); none the first time. */
function generation(r: Reservation, event: string, label: string): string {
  const count = r.timeline.filter((t) => t.event === event).length;
  return count > 0 ? `${label}${count}` : '';
}

/** `backup`, plus the further locks' pool codes: a backup issued on another lock later is a new message. */
const backupsKey = (r: Reservation): string =>
  ['backup', ...(r.code.moreBackups ?? []).map((b) => b.poolCodeId)].join('+');

/**
 * The `message` entry, at activeFrom − 10 minutes or at once (R5.1): the guest gets Lockstep's code
 * message when the code had a problem or no other message gave it to them (R5.1), on the booking's
 * routes (R5.2) from the right host (R5.3), in fixed wording (R5.4). A code not working on a lock
 * now, with no backup to give, is also the host's alert (R8.2).
 */
export async function sendCodeMessage(
  deps: Deps,
  hostId: string,
  reservationId: string,
): Promise<CodeMessageOutcome> {
  const r = await deps.reservations.getReservation(hostId, reservationId);
  if (r?.status !== 'accepted') return 'not_accepted';
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const locks = [...(await reservationLocks(deps, r)).values()];
  const offline = await offlineLocks(deps, locks);
  // R4.4: a code failed or on an offline lock gets a backup now, and this message carries it; a
  // backup the guest was not yet told of goes back to the pool once the own code is confirmed.
  await returnUnusedBackup(deps, r);
  const failing = locksWithoutCode(r, offline);
  if (failing.length > 0) await issueBackup(deps, r, failing);
  const code = currentCode(r);
  const messageId = codeMessageId(r, code.isBackup);
  const existing = r.guestMessages?.find((m) => m.messageId === messageId);

  let outcome: CodeMessageOutcome;
  const decision = existing
    ? undefined
    : r.staff
      ? undefined // R12.2: every window of a staff member is told, even with a PIN they had before
      : decideCodeMessage(r, code.pin, codeProblems(r, offline, code.isBackup));
  if (existing?.skipped !== undefined) outcome = 'already_handled';
  else if (decision?.send === false) {
    await recordNotNeeded(deps, r, messageId, decision.why);
    outcome = 'not_needed';
  } else {
    const content = codeMessageFor(r, property, locks, code);
    const result = await deliverGuestMessage(deps, r, {
      messageId,
      kind: 'code',
      from: chooseSender(r, property?.settings.hosts),
      pin: code.pin,
      isBackup: code.isBackup,
      content,
    });
    if (result.outcome === 'not_delivered') {
      await alertMessageFailed(deps, r, property, messageId, result.problems);
    }
    outcome = result.outcome;
  }
  // R8.2: a lock at risk whose own pool could not give it a backup.
  const uncovered = failing.filter((lockId) => !allBackups(r).some((b) => b.lockId === lockId));
  if (uncovered.length > 0) await alertCodeFailed(deps, r, property, uncovered, 'message_time');
  // R6.2: each arrival is also a moment to top up (and retry) the pools of its online locks.
  const hostProperties = listedOnce(deps, r.hostId);
  for (const lock of locks) await refillPool(deps, r.hostId, lock.lockId, { lock, property, hostProperties });
  return outcome;
}

/** R5.1: the lock's own word on whether it is online; a provider that cannot say counts as online. */
async function offlineLocks(deps: Deps, locks: readonly Lock[]): Promise<string[]> {
  const states = await Promise.all(locks.map((l) => isOnline(deps, l, true)));
  return locks.filter((_, i) => states[i] === false).map((l) => l.lockId);
}

async function recordNotNeeded(deps: Deps, r: Reservation, messageId: string, why: string): Promise<void> {
  const at = deps.clock.now();
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    if (fresh.guestMessages?.some((m) => m.messageId === messageId)) return false;
    fresh.guestMessages = [
      ...(fresh.guestMessages ?? []),
      { messageId, kind: 'code', at, sent: [], skipped: why },
    ];
    fresh.timeline.push({ at, event: 'guest.code_message_not_needed', detail: why });
    return true;
  });
}
