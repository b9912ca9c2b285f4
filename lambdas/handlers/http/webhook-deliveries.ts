import { parseSeamEvent, verifySeamWebhook } from '#adapters/http/seam-webhook.ts';
import { UnauthorizedError } from '#core/errors.ts';
import type { DeliveryRecords } from '#ports/delivery-records.ts';
import { type ChannelWebhookDeps, channelWebhook } from './channel-webhook.ts';
import { type HttpRoute, parseJson, rawBody } from './http.ts';
import { deliveryId, idempotentDelivery } from './idempotent-delivery.ts';
import { type LockWebhookDeps, lockWebhook } from './lock-webhook.ts';
import { ChannelEvent } from './schemas/channel-event.ts';
import { validate } from './validate.ts';
import { verifiedBody } from './verify-signature.ts';

// The two webhook routes as deployed: signature and shape first, then once per delivery id (R9.1).
// The routes check both again; the cost is one HMAC and one parse, and each route stays whole alone.

export function channelDeliveries(deps: ChannelWebhookDeps, records: DeliveryRecords): HttpRoute {
  return idempotentDelivery(
    {
      sender: 'channel',
      records,
      now: () => deps.clock.now(),
      admit: (request, now) => {
        validate(ChannelEvent, parseJson(verifiedBody(request, deps.channelSecrets, now)));
        return deliveryId(request);
      },
    },
    channelWebhook(deps),
  );
}

export function lockDeliveries(deps: LockWebhookDeps, records: DeliveryRecords): HttpRoute {
  return idempotentDelivery(
    {
      sender: 'locks',
      records,
      now: () => deps.clock.now(),
      admit: (request, now) => {
        const body = rawBody(request);
        const problem = verifySeamWebhook(deps.lockProviderSecrets, request.headers ?? {}, body, now);
        if (problem) throw new UnauthorizedError(`webhook signature refused: ${problem}`);
        parseSeamEvent(body);
        return deliveryId(request);
      },
    },
    lockWebhook(deps),
  );
}
