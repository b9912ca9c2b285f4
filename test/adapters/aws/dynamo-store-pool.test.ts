import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import type { PoolCode } from '#core/backup/pool.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';

// R6.1/R6.2: a pool code is its own item; claiming it is one conditional write on its version.

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

const poolCode = (poolCodeId: string, lockId = 'front'): PoolCode => ({
  hostId: 'h1',
  lockId,
  poolCodeId,
  pin: '480513',
  name: 'Backup 1',
  status: 'set',
  createdAt: 1,
  version: 1,
});

const claim = (code: PoolCode, reservationId: string): PoolCode => ({
  ...code,
  status: 'issued',
  issuedTo: { reservationId, at: 2, until: 3 },
  version: code.version + 1,
});

describe('DynamoStore backup pool (R6)', () => {
  it('lists one lock’s pool only', async () => {
    await store.savePoolCode(poolCode('a'), undefined);
    await store.savePoolCode(poolCode('b', 'front-2'), undefined);
    expect((await store.listPoolCodes('h1', 'front')).map((c) => c.poolCodeId)).toEqual(['a']);
  });

  it('issues a code to exactly one of many parallel claims (no double issue)', async () => {
    await store.savePoolCode(poolCode('a'), undefined);
    const [read] = await store.listPoolCodes('h1', 'front');
    if (!read) throw new Error('no pool code');
    const claimants = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const won = await Promise.all(claimants.map((r) => store.savePoolCode(claim(read, r), read.version)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const [stored] = await store.listPoolCodes('h1', 'front');
    expect(stored?.issuedTo?.reservationId).toBe(claimants[won.indexOf(true)]);
  });

  it('deletes a retired code (R6.3)', async () => {
    await store.savePoolCode(poolCode('a'), undefined);
    await store.deletePoolCode('h1', 'front', 'a');
    expect(await store.listPoolCodes('h1', 'front')).toEqual([]);
  });

  it('keeps the health item apart from the pool codes (R6.4)', async () => {
    const health = {
      hostId: 'h1',
      lockId: 'front',
      size: 5,
      available: 0,
      issued: 0,
      failed: 0,
      active: ['empty_backup_access_code_pool' as const],
      events: [{ at: 1, signal: 'empty_backup_access_code_pool' as const, active: true }],
      version: 1,
    };
    expect(await store.savePoolHealth(health, undefined)).toBe(true);
    expect(await store.savePoolHealth(health, undefined)).toBe(false);
    expect(await store.getPoolHealth('h1', 'front')).toEqual(health);
    expect(await store.listPoolCodes('h1', 'front')).toEqual([]);
  });
});
