import type { DynamoDBStreamEvent } from 'aws-lambda';
import { INBOX_KEY_PREFIX, PARTITION_KEY } from '#config/table-layout.ts';
import type { InboxDelivery } from '#ports/channel-inbox.ts';

/**
 * The deliveries a batch of the table's stream records carries: each inbox item's new image. The
 * event source mapping's filter passes only inbox writes; anything else is skipped, not failed.
 */
export function inboxDeliveriesOf(event: DynamoDBStreamEvent): InboxDelivery[] {
  return event.Records.flatMap((record) => {
    const key = record.dynamodb?.Keys?.[PARTITION_KEY]?.S ?? '';
    const image = record.dynamodb?.NewImage;
    if (!image || !key.startsWith(INBOX_KEY_PREFIX)) return [];
    return [
      {
        deliveryId: key.slice(INBOX_KEY_PREFIX.length),
        event: image.event?.S ?? '',
        receivedAt: Number(image.receivedAt?.N ?? 0),
      },
    ];
  });
}
