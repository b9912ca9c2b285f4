import { describe, expect, it } from 'vitest';
import { claimed, connection, poolCode, poolHealth } from './fixtures.ts';
import { type AllStores, exactlyOneWins } from './harness.ts';

// The items written on the version read (R9.1): a lock's connection (R8.2, one alert per outage), a
// pool code (R6.2, one guest per code) and a pool's health (R6.4). A lost race answers false.

interface VersionedKind<T extends { version: number }> {
  rule: string;
  /** The item at `version`, as writer `writer` would write it (writers differ in content). */
  make(version: number, writer: number): T;
  save(s: AllStores, item: T, expectedVersion: number | undefined): Promise<boolean>;
  read(s: AllStores): Promise<T | undefined>;
}

const connectionKind: VersionedKind<ReturnType<typeof connection>> = {
  rule: 'R8.2 a lock’s connection',
  make: (version, writer) => connection(version, 100 + writer),
  save: (s, item, expected) => s.saveLockConnection(item, expected),
  read: (s) => s.getLockConnection('h1', 'front'),
};

const poolCodeKind: VersionedKind<ReturnType<typeof poolCode>> = {
  rule: 'R6.2 a backup pool code',
  // Writers name the new code differently; past version 1 writer n claims it for reservation rn.
  make: (version, writer) =>
    version === 1
      ? { ...poolCode('a'), name: `Backup ${writer + 1}` }
      : claimed({ ...poolCode('a'), version: version - 1 }, `r${writer}`),
  save: (s, item, expected) => s.savePoolCode(item, expected),
  read: async (s) => (await s.listPoolCodes('h1', 'front')).find((c) => c.poolCodeId === 'a'),
};

const poolHealthKind: VersionedKind<ReturnType<typeof poolHealth>> = {
  rule: 'R6.4 a backup pool’s health',
  make: (version, writer) => poolHealth(version, writer),
  save: (s, item, expected) => s.savePoolHealth(item, expected),
  read: (s) => s.getPoolHealth('h1', 'front'),
};

function versionedContract<T extends { version: number }>(store: () => AllStores, kind: VersionedKind<T>) {
  describe(kind.rule, () => {
    it('is created only when nothing is stored, so of two first writes one wins', async () => {
      const s = store();

      const first = await kind.save(s, kind.make(1, 0), undefined);
      const second = await kind.save(s, kind.make(1, 1), undefined);

      expect([first, second]).toEqual([true, false]);
      expect(await kind.read(s)).toEqual(kind.make(1, 0));
    });

    it('is updated only from the version read', async () => {
      const s = store();
      await kind.save(s, kind.make(1, 0), undefined);

      const current = await kind.save(s, kind.make(2, 1), 1);
      const stale = await kind.save(s, kind.make(2, 2), 1);

      expect([current, stale]).toEqual([true, false]);
      expect(await kind.read(s)).toEqual(kind.make(2, 1));
    });

    it('is never created by a write that expects a version', async () => {
      const s = store();

      const expecting = await kind.save(s, kind.make(2, 0), 1);

      expect(expecting).toBe(false);
      expect(await kind.read(s)).toBeUndefined();
      expect(await kind.save(s, kind.make(1, 0), undefined)).toBe(true);
    });

    it('goes to exactly one of many parallel writers from the same version', async () => {
      const s = store();
      await kind.save(s, kind.make(1, 0), undefined);
      const writers = Array.from({ length: 12 }, (_, n) => kind.make(2, n));

      const { winner } = await exactlyOneWins(writers.map((w) => () => kind.save(s, w, 1)));

      expect(await kind.read(s)).toEqual(writers[winner]);
    });
  });
}

export function versionContract(store: () => AllStores): void {
  describe('R9.1 writes on the version read', () => {
    versionedContract(store, connectionKind);
    versionedContract(store, poolCodeKind);
    versionedContract(store, poolHealthKind);
  });

  describe('R6 backup pools', () => {
    it('R6.1 lists one lock’s pool only, by pool code id', async () => {
      const s = store();
      await s.savePoolCode(poolCode('b'), undefined);
      await s.savePoolCode(poolCode('a'), undefined);
      await s.savePoolCode(poolCode('c', 'front-2'), undefined);

      expect((await s.listPoolCodes('h1', 'front')).map((c) => c.poolCodeId)).toEqual(['a', 'b']);
    });

    it('R6.3 deletes a retired code, leaving the rest of the pool', async () => {
      const s = store();
      await s.savePoolCode(poolCode('a'), undefined);
      await s.savePoolCode(poolCode('b'), undefined);

      await s.deletePoolCode('h1', 'front', 'a');

      expect((await s.listPoolCodes('h1', 'front')).map((c) => c.poolCodeId)).toEqual(['b']);
    });

    it('R6.4 keeps the health item apart from the pool codes', async () => {
      const s = store();
      await s.savePoolCode(poolCode('a'), undefined);

      await s.savePoolHealth(poolHealth(1), undefined);

      expect(await s.getPoolHealth('h1', 'front')).toEqual(poolHealth(1));
      expect(await s.listPoolCodes('h1', 'front')).toEqual([poolCode('a')]);
    });
  });
}
