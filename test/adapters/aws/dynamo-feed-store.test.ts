import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoFeedStore } from '#adapters/aws/dynamo-feed-store.ts';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { dueShard } from '#adapters/aws/table.ts';
import { feedShard } from '#adapters/common/store-keys.ts';
import { DUE_SHARDS, FEED_SHARDS } from '#config/table-layout.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { feed } from '../contract/feed-fixtures.ts';
import { reservation } from './fixtures.ts';
import { rawItem } from './raw-items.ts';

// What only the DynamoDB feed store has: its item layout, and sharing one table (and its two indexes)
// with the reservations. What every feed store does alike is the contract (test/adapters/contract).

let dynamo: LocalDynamo;
let feeds: DynamoFeedStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  feeds = new DynamoFeedStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

describe('DynamoFeedStore item layout', () => {
  it('R10.1 keeps the feed under its host, with its version and both index keys beside its body', async () => {
    await feeds.createFeed(feed('h1', 'c1'));

    const item = await rawItem(dynamo, 'HOST#h1', 'FEED#c1');

    expect(item).toMatchObject({
      kind: { S: 'calendarFeed' },
      version: { N: '1' },
      gsi1pk: { S: 'HOST#h1#PROPERTY#p1#FEEDS' },
      gsi1sk: { S: 'FEED#c1' },
      gsi2pk: { S: 'FEEDDUE#12' },
      gsi2sk: { S: '2026-07-02T00:00:00.000Z#h1#c1' },
    });
    // R10.7: stored as given; the table's own KMS key protects it at rest.
    expect(JSON.parse(item?.body?.S ?? '')).toEqual(feed('h1', 'c1'));
  });

  it('R10.1 gives every feed a stable shard, spread over all FEED_SHARDS', () => {
    const shards = Array.from({ length: 800 }, (_, i) => feedShard('h1', `c${i}`));

    expect([feedShard('h1', 'c1'), feedShard('h1', 'c2'), feedShard('host-a', 'airbnb-1')]).toEqual([
      12, 1, 6,
    ]);
    expect(new Set(shards).size).toBe(FEED_SHARDS);
    expect(Math.max(...shards)).toBe(FEED_SHARDS - 1);
  });
});

describe('R10 feeds beside reservations on one table', () => {
  it('keeps a property’s feeds and reservations out of each other’s listings', async () => {
    const store = new DynamoStore(dynamo.client, dynamo.tableName);
    await store.createReservation(reservation('h1', 'r1'));
    // Due when the reservation is, in every shard, so only the partitions keep them apart.
    const due = Date.UTC(2026, 6, 10, 21);
    for (let i = 0; i < 40; i += 1) await feeds.createFeed(feed('h1', `c${i}`, { nextReadAt: due }));

    const reservationShards = await Promise.all(
      Array.from({ length: DUE_SHARDS }, (_, shard) => store.listDueReservations(shard, due - 1, due + 1)),
    );
    const feedShards = await Promise.all(
      Array.from({ length: FEED_SHARDS }, (_, shard) => feeds.listDueFeeds(shard, due + 1, 100)),
    );

    expect((await store.listReservations('h1', 'p1')).map((r) => r.reservationId)).toEqual(['r1']);
    expect(reservationShards.flat().map((r) => r.reservationId)).toEqual(['r1']);
    expect(reservationShards[dueShard('h1', 'r1')]).toHaveLength(1);
    expect(await feeds.listFeeds('h1', 'p1')).toHaveLength(40);
    expect(feedShards.flat()).toHaveLength(40);
    expect(feedShards.flat().every((f) => f.calendarId.startsWith('c'))).toBe(true);
  });
});
