import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { day, stay } from '../contract/fixtures.ts';

// GET /v1/reservations on DynamoDB: the Queries a page costs. What the pages hold is the store
// contract's (test/adapters/contract/store-contract-pages.ts).

let dynamo: LocalDynamo;
let store: DynamoStore;
/** The Limit of every Query sent since the test began. */
let limits: (number | undefined)[];

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
  limits = [];
  dynamo.client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'QueryCommand') limits.push((args.input as { Limit?: number }).Limit);
      return next(args);
    },
    { step: 'initialize', name: 'recordQueryLimits' },
  );
});
afterEach(() => dynamo.stop());

describe('a page of reservations in Queries', () => {
  it('asks each Query for only the reservations the page still lacks', async () => {
    // Five stays ending one after another; only the first, third and fifth start before day 20.
    for (const [i, from] of [1, 21, 3, 22, 5].entries())
      await store.createReservation(stay('h1', `r${i}`, day(from), day(25 + i)));

    const page = await store.pageReservations('h1', 'p1', { to: day(20), limit: 3 });

    expect(page.reservations.map((r) => r.reservationId)).toEqual(['r0', 'r2', 'r4']);
    expect(limits).toEqual([3, 1, 1]);
  });

  it('reads one Query for a page the first Query fills', async () => {
    for (const id of ['a', 'b', 'c']) await store.createReservation(stay('h1', id, day(1), day(2)));

    await store.pageReservations('h1', 'p1', { limit: 2 });

    expect(limits).toEqual([2]);
  });
});
