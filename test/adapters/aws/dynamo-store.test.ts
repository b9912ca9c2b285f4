import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { dueShard } from '#adapters/aws/table.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { property, reservation } from './fixtures.ts';
import { rawItem } from './raw-items.ts';

// What only the DynamoDB store has: its item layout and Query pagination. What every store does
// alike is the contract (test/adapters/contract), run against this store too.

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

describe('DynamoStore item layout', () => {
  it('R9.1 keeps a reservation’s version, index keys and window start beside its body', async () => {
    await store.createReservation(reservation('h1', 'r1'));

    const item = await rawItem(dynamo, 'HOST#h1', 'RES#r1');

    expect(item).toMatchObject({
      kind: { S: 'reservation' },
      version: { N: '1' },
      gsi1pk: { S: 'HOST#h1#PROPERTY#p1' },
      gsi1sk: { S: '2026-07-14T16:30:00.000Z#r1' },
      gsi2pk: { S: `DUE#2026-07-10#${String(dueShard('h1', 'r1')).padStart(3, '0')}` },
      gsi2sk: { S: '2026-07-10T21:00:00.000Z#h1#r1' },
      activeFrom: { N: String(Date.UTC(2026, 6, 10, 21)) },
    });
    expect(JSON.parse(item?.body?.S ?? '')).toEqual(reservation('h1', 'r1'));
  });

  it('R4.3 keeps a cancelled reservation out of the sparse byDue index', async () => {
    await store.createReservation({ ...reservation('h1', 'r1'), status: 'cancelled' });

    const item = await rawItem(dynamo, 'HOST#h1', 'RES#r1');

    expect(item?.gsi1pk).toBeDefined();
    expect(item?.gsi2pk).toBeUndefined();
    expect(item?.gsi2sk).toBeUndefined();
  });
});

describe('listing across Query pages', () => {
  it("returns every reservation of the property over many small pages, and no other property's", async () => {
    const paged = new DynamoStore(dynamo.client, dynamo.tableName, { pageLimit: 7 });
    const ids = Array.from({ length: 160 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    // Every fourth reservation is another property's, so some pages hold none of the wanted ones.
    const propertyOf = (i: number) => (i % 4 === 3 ? 'p2' : 'p1');
    await Promise.all(ids.map((id, i) => paged.createReservation(reservation('h1', id, propertyOf(i)))));

    const listed = await paged.listReservations('h1', 'p1');

    expect(listed).toHaveLength(120);
    expect(listed.map((r) => r.reservationId)).toEqual(ids.filter((_, i) => propertyOf(i) === 'p1'));
    expect(listed.every((r) => r.propertyId === 'p1')).toBe(true);
  });

  it('lists properties over many small pages', async () => {
    const paged = new DynamoStore(dynamo.client, dynamo.tableName, { pageLimit: 2 });
    await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => paged.putProperty(property('h1', id))));

    expect((await paged.listProperties('h1')).map((p) => p.propertyId)).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
    ]);
  });
});
