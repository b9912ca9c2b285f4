import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import type { LockConnection } from '#ports/lock-connection-store.ts';
import { lock } from './fixtures.ts';

// The small items behind R8.2: a lock's connection state (one alert per outage) and the host's alert address.

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

const offline = (version: number, since = 100): LockConnection => ({
  hostId: 'h1',
  lockId: 'front',
  online: false,
  since,
  alertedAt: since + 1,
  version,
});

describe('DynamoStore lock connection (R8.2)', () => {
  it('creates the item only when none exists, so one of two deliveries wins', async () => {
    expect(await store.saveLockConnection(offline(1), undefined)).toBe(true);
    expect(await store.saveLockConnection(offline(1, 200), undefined)).toBe(false);
    expect(await store.getLockConnection('h1', 'front')).toEqual(offline(1));
  });

  it('updates only from the version read', async () => {
    await store.saveLockConnection(offline(1), undefined);
    const online = { ...offline(2, 300), online: true, alertedAt: undefined };
    expect(await store.saveLockConnection(online, 1)).toBe(true);
    expect(await store.saveLockConnection(offline(2, 400), 1)).toBe(false);
    expect(await store.getLockConnection('h1', 'front')).toEqual({ ...online, alertedAt: undefined });
  });

  it('keeps connection items out of the host lock list', async () => {
    await store.putLock(lock('h1', 'front'));
    await store.saveLockConnection(offline(1), undefined);
    expect((await store.listLocks('h1')).map((l) => l.lockId)).toEqual(['front']);
  });

  it('answers undefined for a lock never reported', async () => {
    expect(await store.getLockConnection('h1', 'front')).toBeUndefined();
  });
});

describe('DynamoStore host contact', () => {
  it('stores where a host wants its alerts, per host', async () => {
    await store.putHostContact({ hostId: 'h1', alertEmail: 'ops@host-one.example' });
    expect(await store.getHostContact('h1')).toEqual({ hostId: 'h1', alertEmail: 'ops@host-one.example' });
    expect(await store.getHostContact('h2')).toBeUndefined();
  });
});
