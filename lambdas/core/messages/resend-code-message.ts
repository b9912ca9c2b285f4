import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import type { Instant } from '../model.ts';
import { codeMessageFor } from './code-message-for.ts';
import { currentCode } from './code-message-rule.ts';
import { deliverGuestMessage } from './guest-delivery.ts';
import { messageKey } from './message-id.ts';
import { chooseSender } from './sender.ts';

export interface ResendResult {
  isBackup: boolean;
  sent: { at: Instant; via: string[]; from?: string | undefined };
}

/**
 * R13.3: the host sends Lockstep's code message again, as it stands now (the backup code once one
 * was issued), on the booking's routes (R5.2) from the right host (R5.3). The same `requestKey`
 * sends once, so a retried request does not message the guest twice; each new key is a new send.
 * Another host's reservation is not found (R9.3); a cancelled one is a conflict.
 */
export async function resendCodeMessage(
  deps: Deps,
  hostId: string,
  reservationId: string,
  requestKey: string,
): Promise<ResendResult> {
  const r = await deps.reservations.getReservation(hostId, reservationId);
  if (!r) throw new NotFoundError('reservation', 'reservationId');
  if (r.status !== 'accepted')
    throw new ConflictError(`reservation ${r.reservationId} is ${r.status}; nothing was sent`);
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const locks = [...(await reservationLocks(deps, r)).values()];
  const code = currentCode(r);
  const result = await deliverGuestMessage(deps, r, {
    messageId: messageKey('resend', [r.hostId, r.reservationId], requestKey),
    kind: 'code',
    from: chooseSender(r, property?.settings.hosts),
    pin: code.pin,
    isBackup: code.isBackup,
    content: codeMessageFor(r, property, locks, code),
  });
  const record = result.record;
  if (record?.claim) throw new ConflictError('the same message is being sent right now');
  if (!record || record.sent.length === 0)
    throw new ConflictError(`the guest cannot be reached: ${result.problems.join('; ') || 'no route'}`);
  return {
    isBackup: record.isBackup ?? code.isBackup,
    sent: { at: record.at, via: record.sent, from: record.from },
  };
}
