import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { ValidationError } from '#core/errors.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { reservation } from './fixtures.ts';

// GET /v1/reservations on dynalite: a property's reservations by date range, page by page.

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

const day = (d: number) => Date.UTC(2026, 6, d);
/** A stay whose code window is [from, until) in July 2026. */
async function stay(hostId: string, id: string, from: number, until: number, propertyId = 'p1') {
  const r = reservation(hostId, id, propertyId);
  await store.createReservation({
    ...r,
    code: { ...r.code, activeFrom: day(from), activeUntil: day(until) },
  });
}

async function allPages(hostId: string, query: { from?: number; to?: number; limit: number }) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.pageReservations(hostId, 'p1', { ...query, cursor });
    pages.push(page.reservations.map((r) => r.reservationId));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return pages;
}

describe('a property’s reservations page by page', () => {
  beforeEach(async () => {
    await stay('h1', 'a', 1, 3);
    await stay('h1', 'b', 4, 6);
    await stay('h1', 'c', 7, 9);
    await stay('h1', 'd', 10, 12);
    await stay('h1', 'e', 13, 15);
    await stay('h1', 'other-property', 4, 6, 'p2');
  });

  it('returns every reservation once, by window end, over pages of the asked size', async () => {
    expect(await allPages('h1', { limit: 2 })).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('keeps only windows overlapping [from, to): ending after from, starting before to', async () => {
    expect((await allPages('h1', { from: day(6), to: day(10), limit: 10 })).flat()).toEqual(['c']);
    expect((await allPages('h1', { from: day(5), to: day(11), limit: 1 })).flat()).toEqual(['b', 'c', 'd']);
  });

  it('refuses a cursor it did not hand out, naming the field (R9.2)', async () => {
    const forged = Buffer.from('not a key').toString('base64url');
    await expect(store.pageReservations('h1', 'p1', { limit: 5, cursor: forged })).rejects.toThrow(
      ValidationError,
    );
  });

  it('never reaches another host’s reservations, whatever the cursor (R9.3)', async () => {
    const first = await store.pageReservations('h1', 'p1', { limit: 1 });
    expect(first.cursor).toBeDefined();

    const stolen = await store.pageReservations('h2', 'p1', { limit: 5, cursor: first.cursor });
    expect(stolen).toEqual({ reservations: [], cursor: undefined });
  });
});
