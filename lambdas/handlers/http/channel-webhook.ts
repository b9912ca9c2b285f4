import type { Deps } from '#core/deps.ts';
import { messageSent } from './channel-message-sent.ts';
import { accepted, cancelled, modified } from './channel-reservation-events.ts';
import { type HttpRequest, type HttpResponse, parseJson } from './http.ts';
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
