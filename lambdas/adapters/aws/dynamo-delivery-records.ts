import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { EXPIRES_AT } from '#config/table-layout.ts';
import type { Instant } from '#core/model.ts';
import type {
  DeliveryClaim,
  DeliveryRecords,
  DeliverySender,
  StoredResponse,
} from '#ports/delivery-records.ts';
import { epochSeconds, recordExpiry, STALE_CLAIM_MS } from '../common/delivery-record-lifetime.ts';
import { isAwsError } from './aws-error.ts';
import { PARTITION_KEY, SORT_KEY } from './table.ts';

export { DELIVERY_RECORD_DAYS } from '../common/delivery-record-lifetime.ts';
// The TTL attribute this adapter writes, named in the table layout the data stack declares.
export { EXPIRES_AT };

const key = (sender: DeliverySender, id: string) => ({
  [PARTITION_KEY]: { S: `IDEMPOTENCY#${sender}#${id}` },
  [SORT_KEY]: { S: 'DELIVERY' },
});
const seconds = (epoch: number) => ({ N: String(epoch) });

/** Delivery records on the single table: one conditional put claims an id (dynalite has no transactions). */
export class DynamoDeliveryRecords implements DeliveryRecords {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async claim(
    sender: DeliverySender,
    deliveryId: string,
    now: Instant,
    staleAfterMs = STALE_CLAIM_MS,
  ): Promise<DeliveryClaim> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: {
            ...key(sender, deliveryId),
            state: { S: 'in_progress' },
            claimedAt: { N: String(now) },
            [EXPIRES_AT]: seconds(recordExpiry(now)),
          },
          // New, expired (TTL deletes lazily), or an abandoned claim.
          ConditionExpression: `attribute_not_exists(${PARTITION_KEY}) OR #expires < :now OR (#state = :inProgress AND claimedAt < :stale)`,
          ExpressionAttributeNames: { '#expires': EXPIRES_AT, '#state': 'state' },
          ExpressionAttributeValues: {
            ':now': seconds(epochSeconds(now)),
            ':inProgress': { S: 'in_progress' },
            ':stale': { N: String(now - staleAfterMs) },
          },
        }),
      );
      return { kind: 'claimed' };
    } catch (error) {
      if (!isAwsError(error, 'ConditionalCheckFailedException')) throw error;
    }
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: key(sender, deliveryId), ConsistentRead: true }),
    );
    const response = Item?.state?.S === 'completed' ? Item.response?.S : undefined;
    return response ? { kind: 'replay', response: JSON.parse(response) } : { kind: 'in_progress' };
  }

  async complete(
    sender: DeliverySender,
    deliveryId: string,
    response: StoredResponse,
    now: Instant,
  ): Promise<void> {
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: {
          ...key(sender, deliveryId),
          state: { S: 'completed' },
          response: { S: JSON.stringify(response) },
          [EXPIRES_AT]: seconds(recordExpiry(now)),
        },
      }),
    );
  }

  async release(sender: DeliverySender, deliveryId: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.tableName, Key: key(sender, deliveryId) }),
    );
  }
}
