import type { Deps } from '../deps.ts';
import { WebhookUndeliveredError } from '../errors.ts';
import { messageKey } from '../messages/message-id.ts';
import type { IssuedBackup, Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import { type AccessMethodEvent, accessMethodBody } from './access-method.ts';

/**
 * R6.5: tells the host's endpoint (the property's `outboundWebhookUrl`) which code the guest holds:
 * `access_method.issued` for the code chosen at acceptance, `access_method.reissued` when a backup
 * replaces it or it replaces the backup again. An endpoint unreachable after the adapter's retries is
 * noted on the timeline and never blocks the guest's code.
 */
export async function emitAccessMethod(
  deps: Deps,
  r: Reservation,
  type: AccessMethodEvent,
  /** The backup this event is about (one per lock); the reservation's first by default. */
  backup: IssuedBackup | undefined = r.code.backup,
): Promise<void> {
  // The host's endpoint hears of guests' codes only; staff codes are the host's own (R12).
  if (r.staff) return;
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const url = property?.settings.outboundWebhookUrl;
  if (!url) return;
  const code = backup
    ? { pin: backup.pin, isBackup: true, lockIds: [backup.lockId] }
    : { pin: r.code.pin, isBackup: false, lockIds: r.code.locks.map((s) => s.lockId) };
  const at = deps.clock.now();
  // Stable per event, so a retried step's delivery carries the same id.
  const deliveryId = messageKey('webhook', [r.hostId, r.reservationId], type, backup?.poolCodeId ?? 'own');
  try {
    await deps.outboundWebhooks.deliver({
      deliveryId,
      url,
      body: accessMethodBody(r, type, code, deliveryId, at),
    });
  } catch (error) {
    if (!(error instanceof WebhookUndeliveredError)) throw error;
    await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
      fresh.timeline.push({ at, event: 'webhook.undelivered', detail: type });
      return true;
    });
  }
}
