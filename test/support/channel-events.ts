import { signWebhook } from '#core/webhooks/signature.ts';

export interface AcceptedEventOptions {
  eventId?: string;
  hostId: string;
  reservationId: string;
  propertyId: string;
  checkIn: string;
  checkOut: string;
  guest?: { name: string; email?: string; phone?: string };
  channel?: string;
}

export function acceptedEvent(o: AcceptedEventOptions, occurredAt: number): string {
  return JSON.stringify({
    version: '2026-11-01',
    id: o.eventId ?? `evt-${o.reservationId}`,
    type: 'reservation.accepted',
    occurred_at: new Date(occurredAt).toISOString(),
    host_id: o.hostId,
    reservation: {
      id: o.reservationId,
      property_id: o.propertyId,
      channel: o.channel ?? 'direct',
      confirmation_code: `CONF${o.reservationId.toUpperCase()}`,
      guest: o.guest ?? { name: 'Ana Pérez', email: 'ana@example.com', phone: '+15551234567' },
      check_in: o.checkIn,
      check_out: o.checkOut,
    },
  });
}

/** Headers of a signed delivery, as a channel partner sends them. */
export function signedHeaders(secret: string, body: string, at: number, id = 'delivery-1'): Record<string, string> {
  return { ...signWebhook(secret, id, at, body) };
}
