import { ALARMED_METRICS } from '#config/metric-names.ts';
import type { Deps } from '#core/deps.ts';
import { channelWebhook } from '#handlers/http/channel-webhook.ts';
import { errorResponse, type HttpResponse } from '#handlers/http/http.ts';
import { oncePerDelivery } from '#handlers/http/idempotent-delivery.ts';
import { ChannelEvent } from '#handlers/http/schemas/channel-event.ts';
import { logger } from '#handlers/logger.ts';
import type { InboxDelivery } from '#ports/channel-inbox.ts';
import type { DeliveryRecords } from '#ports/delivery-records.ts';

/**
 * The stream hands a record on only once its last run ended (answered, failed or timed out), so a
 * claim still `in_progress` belongs to a run that died: the retry takes it over at once rather
 * than waiting STALE_CLAIM_MS, which would outlast every retry of the record (R9.5).
 */
const CLAIM_OF_A_DEAD_RUN_MS = 0;

/**
 * The inbox consumer: acts on one queued channel delivery, once per delivery id (R9.1), so a stream
 * record handed over twice, or a delivery the partner sent twice, changes nothing the second time.
 * A refusal (a 4xx, e.g. a host message about an unknown stay) is its final outcome, recorded and
 * counted; anything else (a crash, a throttled call) throws, and the platform retries it (R9.5).
 * Resolves to the outcome the partner would once have been answered with.
 */
export function channelInboxConsumer(deps: Deps, records: DeliveryRecords) {
  const act = channelWebhook(deps);
  return (delivery: InboxDelivery): Promise<HttpResponse> => {
    // Validated at the edge before it was stored: parsed again only to type it.
    const event = ChannelEvent.parse(JSON.parse(delivery.event));
    const actOnce = async (): Promise<HttpResponse> => {
      try {
        return await act(event);
      } catch (error) {
        const { response, expected } = errorResponse(error, delivery.deliveryId);
        // A 409 (a lost race) or a 5xx (a sender that failed) is worth the platform's retry.
        const status = response.statusCode ?? 500;
        if (!expected || status === 409 || status >= 500) throw error;
        logger.warn('channel delivery refused', {
          deliveryId: delivery.deliveryId,
          type: event.type,
          error: (error as Error).message,
        });
        deps.metrics.count(ALARMED_METRICS.channelDeliveriesRefused, 1, { sender: 'channel' });
        return response;
      }
    };
    const now = deps.clock.now();
    return oncePerDelivery(records, 'channel', delivery.deliveryId, now, actOnce, CLAIM_OF_A_DEAD_RUN_MS);
  };
}
