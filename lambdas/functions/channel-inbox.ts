import type { DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoDeliveryRecords } from '#adapters/aws/dynamo-delivery-records.ts';
import { channelInboxConsumer } from '#handlers/stream/channel-inbox.ts';
import { inboxDeliveriesOf } from '#handlers/stream/inbox-stream-records.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';
import { seamRetriesOf } from './catalog.ts';

const config = loadConfig();
const deps = awsDeps(config, { seamRetries: seamRetriesOf('channelInbox') });
const consume = channelInboxConsumer(deps, new DynamoDeliveryRecords(deps.dynamo, config.tableName));
// Batches of one (lib/): a failure retries that delivery alone, then sends it to the on-failure queue.
// The delivery id is the correlation id, as in the webhook's own lines.
export const handler = withLogging(
  async (event: DynamoDBStreamEvent) => {
    for (const delivery of inboxDeliveriesOf(event)) await consume(delivery);
  },
  (event) => inboxDeliveriesOf(event)[0]?.deliveryId,
);
