import type { Deps } from '#core/deps.ts';
import type { Instant } from '#core/model.ts';
import { messageSent } from './channel-message-sent.ts';
import { accepted, cancelled, modified } from './channel-reservation-events.ts';
import { type HttpRequest, type HttpResponse, parseJson } from './http.ts';
import { ChannelEvent } from './schemas/channel-event.ts';
import { validate } from './validate.ts';
import { verifiedBody } from './verify-signature.ts';

/** R9.1, R9.2: a delivery signed with an active channel secret, recent, as its validated event. */
export function admitChannelEvent(
  secrets: readonly string[],
  request: HttpRequest,
  now: Instant,
): ChannelEvent {
  return validate(ChannelEvent, parseJson(verifiedBody(request, secrets, now)));
}

/** A channel partner's event, once admitted and queued: what the inbox consumer runs (R9.5). */
export const channelWebhook =
  (deps: Deps) =>
  async (event: ChannelEvent): Promise<HttpResponse> => {
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
