import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DELIVERY_RECORD_DAYS,
  DynamoDeliveryRecords,
  EXPIRES_AT,
} from '#adapters/aws/dynamo-delivery-records.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { rawItem } from './raw-items.ts';

// R9.1 delivery records as DynamoDB holds them: the TTL attribute. Claims, replays and expiry are
// the delivery records contract's (test/adapters/contract).

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

describe('DynamoDeliveryRecords items', () => {
  it(`writes ${EXPIRES_AT} in epoch seconds, ${DELIVERY_RECORD_DAYS} days on, for DynamoDB's TTL`, async () => {
    await records.claim('channel', 'evt-1', NOW);
    await records.complete('channel', 'evt-1', answer, NOW);

    const item = await rawItem(dynamo, 'IDEMPOTENCY#channel#evt-1', 'DELIVERY');

    expect(item?.[EXPIRES_AT]).toEqual({ N: String((NOW + DELIVERY_RECORD_DAYS * DAY) / 1000) });
  });

  it(`rounds ${EXPIRES_AT} down to the second of a claim made mid-second`, async () => {
    await records.claim('channel', 'evt-1', NOW + 999);

    const item = await rawItem(dynamo, 'IDEMPOTENCY#channel#evt-1', 'DELIVERY');

    expect(item?.[EXPIRES_AT]).toEqual({ N: String((NOW + DELIVERY_RECORD_DAYS * DAY) / 1000) });
  });
});
