import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { poolCode, poolHealth } from '../contract/fixtures.ts';
import { rawItem } from './raw-items.ts';

// R6.1/R6.2 as DynamoDB holds it: a pool code is its own item, so claiming it is one conditional
// write on its version (dynalite has no transactions). The claims themselves are the store contract's.

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

describe('DynamoStore backup pool items (R6)', () => {
  it('R6.2 keeps each pool code its own item under its lock, its version beside the body', async () => {
    await store.savePoolCode(poolCode('a'), undefined);
    await store.savePoolCode(poolCode('b'), undefined);

    const a = await rawItem(dynamo, 'HOST#h1', 'POOL#front#a');
    const b = await rawItem(dynamo, 'HOST#h1', 'POOL#front#b');

    expect(a).toMatchObject({ kind: { S: 'poolCode' }, version: { N: '1' } });
    expect(JSON.parse(b?.body?.S ?? '')).toEqual(poolCode('b'));
  });

  it('R6.4 keeps the pool’s health in its own item, outside the POOL#<lockId># range', async () => {
    await store.savePoolHealth(poolHealth(2), undefined);

    expect(await rawItem(dynamo, 'HOST#h1', 'POOLHEALTH#front')).toMatchObject({
      kind: { S: 'poolHealth' },
      version: { N: '2' },
    });
  });
});
