import { acceptReservation } from '#core/usecases/accept-reservation.ts';
import type { Deps } from '#core/usecases/deps.ts';
import { messageSent } from './channel-message-sent.ts';
import { cancelled, modified } from './channel-reservation-change.ts';
import { type HttpRequest, type HttpResponse, json, parseJson } from './http.ts';
import { ChannelEvent } from './schemas/channel-event.ts';
import { validate } from './validate.ts';
import { verifiedBody } from './verify-signature.ts';

export interface ChannelWebhookDeps extends Deps {
  channelSecrets: readonly string[];
}

/** POST /webhooks/channel: a channel partner's signed reservation event. */
export const channelWebhook =
  (deps: ChannelWebhookDeps) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const body = verifiedBody(request, deps.channelSecrets, deps.clock.now());
    const event = validate(ChannelEvent, parseJson(body));
    switch (event.type) {
      case 'reservation.accepted':
        return accepted(deps, event);
      case 'reservation.modified':
        return modified(deps, event);
      case 'reservation.cancelled':
        return cancelled(deps, event);
      case 'message.sent':
        return messageSent(deps, event);
    }
  };

async function accepted(
  deps: Deps,
  event: Extract<ChannelEvent, { type: 'reservation.accepted' }>,
): Promise<HttpResponse> {
  const r = event.reservation;
  const result = await acceptReservation(deps, event.host_id, {
    reservationId: r.id,
    propertyId: r.property_id,
    channel: r.channel,
    confirmationCode: r.confirmation_code,
    guest: r.guest,
    checkIn: r.check_in,
    checkOut: r.check_out,
  });
  return json(result.created ? 201 : 200, {
    reservationId: result.reservation.reservationId,
    status: result.reservation.status,
    version: result.reservation.version,
  });
}
