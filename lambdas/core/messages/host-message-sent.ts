import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import type { Instant, Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import { currentCode } from './code-message-rule.ts';

export interface HostMessageSent {
  /** The channel event's id: a redelivery carries the same one. */
  eventId: string;
  reservationId: string;
  /** The listing host who wrote (R5.3). */
  senderHostId: string;
  sentAt: Instant;
  /** The partner rendered Lockstep's `%smartlock_code%` in it, so it gave the guest the code (R5.5). */
  containsSmartlockCode: boolean;
}

/**
 * A channel reports that a listing host wrote in the guest's conversation. The newest message names
 * the sender of the next code message (R5.3); an older or repeated report changes nothing (R9.1).
 * A message carrying the shortcode counts as the code communicated at the time it was sent (R5.5).
 */
export async function recordHostMessage(
  deps: Deps,
  hostId: string,
  event: HostMessageSent,
): Promise<{ reservation: Reservation; changed: boolean }> {
  const before = await deps.reservations.getReservation(hostId, event.reservationId);
  if (!before) throw new NotFoundError('reservation', 'message.reservation_id');
  const updated = await updateReservation(deps, hostId, event.reservationId, (r) => noteMessage(r, event));
  return {
    reservation: updated ?? before,
    changed: updated !== undefined && updated.version !== before.version,
  };
}

function noteMessage(r: Reservation, e: HostMessageSent): boolean {
  let changed = false;
  if ((r.lastHostMessage?.at ?? Number.NEGATIVE_INFINITY) < e.sentAt) {
    r.lastHostMessage = { hostId: e.senderHostId, at: e.sentAt };
    r.timeline.push({ at: e.sentAt, event: 'conversation.host_message', detail: `from ${e.senderHostId}` });
    changed = true;
  }
  const messageId = `partner-${e.eventId}`;
  if (
    e.containsSmartlockCode &&
    r.status === 'accepted' &&
    !r.guestMessages?.some((m) => m.messageId === messageId)
  ) {
    const code = currentCode(r);
    r.guestMessages = [
      ...(r.guestMessages ?? []),
      {
        messageId,
        kind: 'host',
        at: e.sentAt,
        from: e.senderHostId,
        pin: code.pin,
        isBackup: code.isBackup,
        sent: [r.channel],
      },
    ];
    r.code.communicatedAt ??= e.sentAt;
    r.code.communicatedVia = [...new Set([...(r.code.communicatedVia ?? []), r.channel])];
    r.timeline.push({
      at: e.sentAt,
      event: 'code.communicated',
      detail: `in a message from ${e.senderHostId}`,
    });
    changed = true;
  }
  return changed;
}
