import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { StaleWriteError } from '#core/errors.ts';
import { isAwsError } from './aws-error.ts';

// The table's item access for DynamoStore: items are `{ pk, sk, kind, body }` with the entity as a
// JSON string; strongly consistent gets, conditional puts, paginated queries.

export type Item = Record<string, AttributeValue>;
export type Condition = Pick<
  PutItemCommandInput,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
>;
export type Kind =
  | 'property'
  | 'lock'
  | 'reservation'
  | 'device'
  | 'accessCode'
  | 'lockConnection'
  | 'hostContact'
  | 'lockAccount'
  | 'poolCode'
  | 'poolHealth'
  | 'calendarFeed'
  | 'staffMember';

export class TableItems {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly pageLimit: number | undefined;

  constructor(client: DynamoDBClient, tableName: string, pageLimit: number | undefined) {
    this.client = client;
    this.tableName = tableName;
    this.pageLimit = pageLimit;
  }

  async get<T>(pk: string, sk: string): Promise<T | undefined> {
    // Strongly consistent: reservations are read to be conditionally rewritten, and provider webhooks
    // may arrive moments after the reference they look up was written.
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: { pk: s(pk), sk: s(sk) }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : body<T>(Item);
  }

  async put(Item: Item): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item }));
  }

  /** A conditional put; a failed condition becomes the domain error `rejected` builds. */
  async putIf(Item: Item, condition: Condition, rejected: () => Error): Promise<void> {
    try {
      await this.client.send(new PutItemCommand({ TableName: this.tableName, Item, ...condition }));
    } catch (error) {
      if (isAwsError(error, 'ConditionalCheckFailedException')) throw rejected();
      throw error;
    }
  }

  query<T>(pk: string, prefix: string): Promise<T[]> {
    return this.paginate<T>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': s(pk), ':prefix': s(prefix) },
    });
  }

  paginate<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    return this.first<T>(input, Number.POSITIVE_INFINITY);
  }

  /** The first `max` items a Query finds (every one for Infinity), in pages of at most what is still wanted. */
  async first<T>(input: Omit<QueryCommandInput, 'TableName'>, max: number): Promise<T[]> {
    const results: T[] = [];
    let startKey: Item | undefined;
    do {
      const wanted = Math.min(max - results.length, this.pageLimit ?? Number.POSITIVE_INFINITY);
      const page = await this.client.send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
          ExclusiveStartKey: startKey,
          // No Limit reads DynamoDB's own pages (1 MB each).
          Limit: Number.isFinite(wanted) ? wanted : undefined,
        }),
      );
      for (const found of page.Items ?? []) results.push(body<T>(found));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && results.length < max);
    return results;
  }

  /** One conditional put on `version`: false when another writer came first. */
  async putVersioned(base: Item, version: number, expectedVersion: number | undefined): Promise<boolean> {
    const condition: Condition =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : atVersion(expectedVersion);
    try {
      await this.putIf(
        { ...base, version: n(version) },
        condition,
        () => new StaleWriteError('changed meanwhile'),
      );
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  }

  async delete(pk: string, sk: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.tableName, Key: { pk: s(pk), sk: s(sk) } }),
    );
  }
}

export const s = (value: string): AttributeValue => ({ S: value });

/** The condition of a write on the version read; false too when the item is missing. */
export const atVersion = (expected: number): Condition => ({
  ConditionExpression: '#version = :expected',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':expected': n(expected) },
});
export const n = (value: number): AttributeValue => ({ N: String(value) });

export function item(pk: string, sk: string, kind: Kind, entity: object): Item {
  return { pk: s(pk), sk: s(sk), kind: s(kind), body: s(JSON.stringify(entity)) };
}

function body<T>(found: Item): T {
  const json = found.body?.S;
  if (json === undefined) throw new Error(`item ${found.pk?.S}/${found.sk?.S} has no body`);
  return JSON.parse(json) as T;
}
