import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EXPIRES_AT, INBOX_KEY_PREFIX, INBOX_SORT_KEY } from '#config/table-layout.ts';
import type { Instant } from '#core/model.ts';
import type { ChannelInbox, EnqueueResult, InboxDelivery } from '#ports/channel-inbox.ts';
import { epochSeconds, recordExpiry } from '../common/delivery-record-lifetime.ts';
import { isAwsError } from './aws-error.ts';
import { PARTITION_KEY, SORT_KEY } from './table.ts';

const key = (deliveryId: string) => ({
  [PARTITION_KEY]: { S: `${INBOX_KEY_PREFIX}${deliveryId}` },
  [SORT_KEY]: { S: INBOX_SORT_KEY },
});

/**
 * The channel inbox on the single table: one conditional put per delivery, which is also the
 * dedupe (R9.1). The put's stream record starts the inbox consumer; the item then only answers
 * redeliveries until DynamoDB's TTL removes it, as long as a delivery record lives.
 */
export class DynamoChannelInbox implements ChannelInbox {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async enqueue(delivery: InboxDelivery, now: Instant): Promise<EnqueueResult> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: {
            ...key(delivery.deliveryId),
            event: { S: delivery.event },
            receivedAt: { N: String(delivery.receivedAt) },
            [EXPIRES_AT]: { N: String(recordExpiry(now)) },
          },
          // New, or expired and not yet removed by TTL (which deletes lazily).
          ConditionExpression: `attribute_not_exists(${PARTITION_KEY}) OR #expires < :now`,
          ExpressionAttributeNames: { '#expires': EXPIRES_AT },
          ExpressionAttributeValues: { ':now': { N: String(epochSeconds(now)) } },
        }),
      );
      return 'queued';
    } catch (error) {
      if (isAwsError(error, 'ConditionalCheckFailedException')) return 'duplicate';
      throw error;
    }
  }

  async get(deliveryId: string): Promise<InboxDelivery | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: key(deliveryId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return { deliveryId, event: Item.event?.S ?? '', receivedAt: Number(Item.receivedAt?.N ?? 0) };
  }
}
