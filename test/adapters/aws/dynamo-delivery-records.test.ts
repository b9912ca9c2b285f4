import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DELIVERY_RECORD_DAYS,
  DynamoDeliveryRecords,
  EXPIRES_AT,
} from '#adapters/aws/dynamo-delivery-records.ts';
import { PARTITION_KEY, SORT_KEY } from '#adapters/aws/table.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';

// R9.1: one record per delivery id, against dynalite; the clock is the argument each call gets.

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const answer = { statusCode: 201, body: '{"outcome":"accepted"}' };

let dynamo: LocalDynamo;
let records: DynamoDeliveryRecords;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  records = new DynamoDeliveryRecords(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

describe('DynamoDeliveryRecords', () => {
  it('replays the first answer to a redelivery within the record’s lifetime', async () => {
    await records.claim('channel', 'evt-1', NOW);
    await records.complete('channel', 'evt-1', answer, NOW);

    expect(await records.claim('channel', 'evt-1', NOW + DAY)).toEqual({ kind: 'replay', response: answer });
  });

  it(`writes ${EXPIRES_AT} in epoch seconds, ${DELIVERY_RECORD_DAYS} days on, for DynamoDB's TTL`, async () => {
    await records.claim('channel', 'evt-1', NOW);
    await records.complete('channel', 'evt-1', answer, NOW);

    const { Item } = await dynamo.client.send(
      new GetItemCommand({
        TableName: dynamo.tableName,
        Key: { [PARTITION_KEY]: { S: 'IDEMPOTENCY#channel#evt-1' }, [SORT_KEY]: { S: 'DELIVERY' } },
      }),
    );
    expect(Item?.[EXPIRES_AT]).toEqual({ N: String((NOW + DELIVERY_RECORD_DAYS * DAY) / 1000) });
  });

  it('treats an expired record as absent, as DynamoDB would once its TTL removed it (dynalite has no TTL)', async () => {
    await records.claim('channel', 'evt-1', NOW);
    await records.complete('channel', 'evt-1', answer, NOW);

    expect(await records.claim('channel', 'evt-1', NOW + DELIVERY_RECORD_DAYS * DAY + 1000)).toEqual({
      kind: 'claimed',
    });
  });

  it('keeps each sender’s delivery ids apart', async () => {
    await records.claim('channel', 'evt-1', NOW);
    await records.complete('channel', 'evt-1', answer, NOW);

    expect(await records.claim('locks', 'evt-1', NOW)).toEqual({ kind: 'claimed' });
  });
});
