import type { ReservationInput } from '#core/model.ts';
import { signWebhook } from '#core/webhooks/signature.ts';

// The channel partner's side of the channel webhook (docs/webhooks.md): used by the demo booking,
// the tests and the simulator, so all of them send what a partner would.

/** A reservation as the partner describes it; the same fields Lockstep reads from the event. */
export type ReservationFields = ReservationInput;

export interface ChannelDelivery {
  headers: Record<string, string>;
  body: string;
}

export function reservationEventBody(
  type: string,
  eventId: string,
  hostId: string,
  at: number,
  r: ReservationFields,
): string {
  return JSON.stringify({
    version: '2026-11-01',
    id: eventId,
    type,
    occurred_at: new Date(at).toISOString(),
    host_id: hostId,
    reservation: {
      id: r.reservationId,
      property_id: r.propertyId,
      channel: r.channel,
      confirmation_code: r.confirmationCode,
      guest: r.guest,
      check_in: r.checkIn,
      check_out: r.checkOut,
    },
  });
}

/** A signed delivery: the event id doubles as the delivery id. */
export function signedDelivery(secret: string, eventId: string, at: number, body: string): ChannelDelivery {
  return { headers: { 'content-type': 'application/json', ...signWebhook(secret, eventId, at, body) }, body };
}

export interface HostMessageFields {
  reservationId: string;
  senderHostId: string;
  sentAt: number;
  containsSmartlockCode?: boolean;
}

/** `message.sent`: a listing host wrote in the guest's conversation (R5.3). */
export function messageSentEventBody(
  eventId: string,
  hostId: string,
  at: number,
  m: HostMessageFields,
): string {
  return JSON.stringify({
    version: '2026-11-01',
    id: eventId,
    type: 'message.sent',
    occurred_at: new Date(at).toISOString(),
    host_id: hostId,
    message: {
      reservation_id: m.reservationId,
      sender_host_id: m.senderHostId,
      sent_at: new Date(m.sentAt).toISOString(),
      contains_smartlock_code: m.containsSmartlockCode ?? false,
    },
  });
}
