import type { Deps } from '#core/deps.ts';
import { NotFoundError } from '#core/errors.ts';
import { stayDetails } from '#core/reservations/accept.ts';
import type { ChannelInbox } from '#ports/channel-inbox.ts';
import { reservationInput } from './channel-reservation-events.ts';
import { admitChannelEvent } from './channel-webhook.ts';
import { type HttpRoute, json } from './http.ts';
import { admitDelivery, deliveryId } from './idempotent-delivery.ts';
import type { ChannelEvent } from './schemas/channel-event.ts';

export interface ChannelIntakeDeps extends Pick<Deps, 'clock' | 'metrics' | 'properties'> {
  channelSecrets: readonly string[];
  inbox: ChannelInbox;
}

/**
 * POST /webhooks/channel: everything that makes a 4xx happens here (size, signature, schema, the
 * property and the stay's dates: R9.2), then the delivery is stored in the inbox and answered 202.
 * The inbox consumer acts on it (R9.5): a crash there is retried by the platform within seconds,
 * where a 5xx here would wait on the partner's redelivery schedule. A redelivery of a stored
 * delivery gets the same 202 and stores nothing (R9.1).
 */
export function channelIntake(deps: ChannelIntakeDeps): HttpRoute {
  const admission = {
    sender: 'channel' as const,
    metrics: deps.metrics,
    admit: (request: Parameters<HttpRoute>[0], now: number) =>
      admitChannelEvent(deps.channelSecrets, request, now),
  };
  return async (request) => {
    const now = deps.clock.now();
    const event = admitDelivery(admission, request, now);
    await checkStay(deps, event);
    const id = deliveryId(request);
    await deps.inbox.enqueue({ deliveryId: id, event: JSON.stringify(event), receivedAt: now }, now);
    return json(202, { deliveryId: id, queued: true });
  };
}

/** A reservation event names a property of its host, with a stay that parses in its time zone. */
async function checkStay(deps: Pick<Deps, 'properties'>, event: ChannelEvent): Promise<void> {
  if (event.type === 'message.sent') return;
  const property = await deps.properties.getProperty(event.host_id, event.reservation.property_id);
  if (!property) throw new NotFoundError('property', 'reservation.property_id');
  stayDetails(reservationInput(event), property.settings.timeZone);
}
