import type { Deps } from '#core/deps.ts';
import { recordHostMessage } from '#core/messages/host-message-sent.ts';
import { type HttpResponse, json } from './http.ts';
import type { ChannelEvent } from './schemas/channel-event.ts';

/** `message.sent` on the channel webhook: who last wrote to the guest (R5.3), and whether it gave the code (R5.5). */
export async function messageSent(
  deps: Deps,
  event: Extract<ChannelEvent, { type: 'message.sent' }>,
): Promise<HttpResponse> {
  const m = event.message;
  const { reservation, changed } = await recordHostMessage(deps, event.host_id, {
    eventId: event.id,
    reservationId: m.reservation_id,
    senderHostId: m.sender_host_id,
    sentAt: Date.parse(m.sent_at),
    containsSmartlockCode: m.contains_smartlock_code,
  });
  return json(200, {
    reservationId: reservation.reservationId,
    outcome: changed ? 'recorded' : 'unchanged',
    version: reservation.version,
  });
}
