import type { Deps } from '#core/deps.ts';
import type { HttpResponse } from '#handlers/http/http.ts';
import { channelInboxConsumer } from '#handlers/stream/channel-inbox.ts';
import { withLogging } from '#handlers/with-logging.ts';
import type { InboxDelivery } from '#ports/channel-inbox.ts';
import type { DeliveryRecords } from '#ports/delivery-records.ts';
import { functionLabel, INBOX_CONSUMER } from '../lambdas/functions/catalog.ts';
import { localContext } from './api-gateway-event.ts';
import type { AwsCalls } from './aws-calls.ts';
import type { InboxConsumer } from './local-inbox-stream.ts';

type Handler = (delivery: InboxDelivery, context: unknown) => Promise<HttpResponse>;

/**
 * The inbox consumer as the table's stream invokes it: one Lambda invocation per delivery, with the
 * platform's faults for the key naming the function and the delivery id (R9.5).
 */
export function localInboxConsumer(options: {
  deps: Deps;
  records: DeliveryRecords;
  calls: AwsCalls;
  invoke: (label: string, handler: Handler, key: string) => Handler;
}): InboxConsumer {
  const label = functionLabel(INBOX_CONSUMER.function);
  // The delivery id is the correlation id of every line it logs, as in the webhook's.
  const handler = withLogging(channelInboxConsumer(options.deps, options.records), (d) => d.deliveryId);
  return (delivery) => {
    options.calls.lambda++;
    const key = `${INBOX_CONSUMER.function}|${delivery.deliveryId}`;
    return options.invoke(label, handler, key)(delivery, localContext(label, delivery.deliveryId));
  };
}
