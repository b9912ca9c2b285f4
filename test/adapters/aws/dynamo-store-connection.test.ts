import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { rawItem } from './raw-items.ts';

// The items behind R8.2 as DynamoDB holds them; their behaviour is the store contract's.

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

describe('DynamoStore connection and contact items (R8.2)', () => {
  it('keeps a lock’s connection in one small item under the host, its version beside the body', async () => {
    const offline = { hostId: 'h1', lockId: 'front', online: false, since: 100, version: 3 };
    await store.saveLockConnection(offline, undefined);

    const item = await rawItem(dynamo, 'HOST#h1', 'CONNECTION#front');

    expect(item).toMatchObject({ kind: { S: 'lockConnection' }, version: { N: '3' } });
    expect(JSON.parse(item?.body?.S ?? '')).toEqual(offline);
  });

  it('keeps the host’s alert address in one item under the host', async () => {
    await store.putHostContact({ hostId: 'h1', alertEmail: 'ops@host-one.example' });

    expect(await rawItem(dynamo, 'HOST#h1', 'CONTACT')).toMatchObject({ kind: { S: 'hostContact' } });
  });
});
