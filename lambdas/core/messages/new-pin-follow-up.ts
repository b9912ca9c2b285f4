import { toldACode } from '../backup/follow-up.ts';
import type { Deps } from '../deps.ts';
import type { Reservation } from '../model.ts';
import { emitAccessMethod } from '../webhooks/emit-access-method.ts';
import { currentCode } from './code-message-rule.ts';
import { codeMessageId, sendCodeMessage } from './send-code-message.ts';

// R3.3 after the code message: a PIN replaced (a newly matched lock already held it) once the guest
// was told the old one would leave them with a code that no longer opens the door.

/** R6.5: the host's endpoint hears of the replacement as soon as it is saved. */
export async function announceReplacedPin(
  deps: Deps,
  before: Reservation,
  after: Reservation,
): Promise<void> {
  if (after.code.pin !== before.code.pin) await emitAccessMethod(deps, after, 'access_method.reissued');
}

/**
 * The guest who was told the old PIN gets the new one on the same routes, from the provisioning
 * workflow's Check, once the new PIN has had its attempt and confirmation wait. The code message of
 * each PIN is its own message (`codeMessageId`), so this one is sent once.
 */
export async function tellGuestOfNewPin(deps: Deps, r: Reservation): Promise<boolean> {
  if (r.status !== 'accepted' || !toldACode(r, deps.clock.now())) return false;
  const messageId = codeMessageId(r, currentCode(r).isBackup);
  if (r.guestMessages?.some((m) => m.messageId === messageId)) return false;
  return (await sendCodeMessage(deps, r.hostId, r.reservationId)) === 'sent';
}
