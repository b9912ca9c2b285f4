import { codeMessage } from '../messages/code-message.ts';
import type { Lock, Reservation } from '../model.ts';
import type { Deps } from './deps.ts';
import { updateReservation } from './update-reservation.ts';

/** R5.1, R5.2: the guest learns the code before it works, once. */
export async function sendCodeMessage(deps: Deps, hostId: string, reservationId: string): Promise<void> {
  const r = await deps.store.getReservation(hostId, reservationId);
  if (r?.status !== 'accepted' || r.code.communicatedAt !== undefined) return;
  const property = await deps.store.getProperty(r.hostId, r.propertyId);
  if (!property) return;
  const locks = await Promise.all(r.code.locks.map((s) => deps.store.getLock(r.hostId, s.lockId)));
  const message = codeMessage({
    guestName: r.guest.name,
    propertyName: property.name,
    pin: r.code.pin,
    activeFrom: r.code.activeFrom,
    activeUntil: r.code.activeUntil,
    timeZone: property.settings.timeZone,
    doors: locks.filter((l): l is Lock => l !== undefined).map((l) => l.name),
    isBackup: false,
  });
  // The message id makes a retried step a no-op at the sender (R5, every send idempotent).
  const messageId = `code-${r.hostId}-${r.reservationId}`;
  const via: string[] = [];
  if (r.guest.email) {
    await deps.email.sendEmail({
      messageId: `${messageId}-email`,
      reservationId: r.reservationId,
      to: r.guest.email,
      ...message,
    });
    via.push('email');
  }
  if (r.guest.phone) {
    await deps.sms.sendSms({
      messageId: `${messageId}-sms`,
      reservationId: r.reservationId,
      to: r.guest.phone,
      text: message.sms,
    });
    via.push('sms');
  }
  const now = deps.clock.now();
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => markCommunicated(fresh, now, via));
}

function markCommunicated(r: Reservation, at: number, via: string[]): boolean {
  if (r.code.communicatedAt !== undefined) return false;
  r.code.communicatedAt = at;
  r.code.communicatedVia = via;
  r.timeline.push({ at, event: 'guest.code_message_sent', detail: via.join(', ') || 'no contact known' });
  return true;
}
