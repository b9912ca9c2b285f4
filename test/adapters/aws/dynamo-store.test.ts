import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import type { AccessCodeRef } from '#ports/access-code-index.ts';
import { lock, property, reservation } from './fixtures.ts';

let dynamo: LocalDynamo;
let store: DynamoStore;

beforeEach(async () => {
  dynamo = await startLocalDynamo();
  store = new DynamoStore(dynamo.client, dynamo.tableName);
});
afterEach(() => dynamo.stop());

const accessCodeRef = (hostId: string): AccessCodeRef => ({
  provider: 'seam',
  accessCodeId: 'ac-1',
  hostId,
  reservationId: 'r1',
  lockId: 'front',
});

describe('DynamoStore round trips', () => {
  it('stores, overwrites and lists properties', async () => {
    await store.putProperty(property('h1', 'p1'));
    const renamed = { ...property('h1', 'p1'), name: 'Renamed' };
    await store.putProperty(renamed);
    await store.putProperty(property('h1', 'p2'));

    expect(await store.getProperty('h1', 'p1')).toEqual(renamed);
    expect(await store.listProperties('h1')).toEqual([renamed, property('h1', 'p2')]);
  });

  it('stores a lock with its device reference', async () => {
    await store.putLock(lock('h1', 'front', 'dev-9'));

    expect(await store.getLock('h1', 'front')).toEqual(lock('h1', 'front', 'dev-9'));
    expect(await store.listLocks('h1')).toEqual([lock('h1', 'front', 'dev-9')]);
    expect(await store.findDevice('seam', 'dev-9')).toEqual({
      provider: 'seam',
      deviceId: 'dev-9',
      hostId: 'h1',
      lockId: 'front',
    });
  });

  it('stores a reservation with every field, non-ASCII text included', async () => {
    await store.createReservation(reservation('h1', 'r1'));

    expect(await store.getReservation('h1', 'r1')).toEqual(reservation('h1', 'r1'));
  });

  it('stores an access code reference', async () => {
    await store.putAccessCodeRef(accessCodeRef('h1'));

    expect(await store.findAccessCode('seam', 'ac-1')).toEqual(accessCodeRef('h1'));
  });

  it('answers undefined for what was never stored', async () => {
    expect(await store.getProperty('h1', 'p1')).toBeUndefined();
    expect(await store.getLock('h1', 'front')).toBeUndefined();
    expect(await store.getReservation('h1', 'r1')).toBeUndefined();
    expect(await store.findDevice('seam', 'dev-1')).toBeUndefined();
    expect(await store.findAccessCode('seam', 'ac-1')).toBeUndefined();
  });

  it('lists only the kind asked for', async () => {
    await store.putProperty(property('h1', 'p1'));
    await store.putLock(lock('h1', 'front'));
    await store.createReservation(reservation('h1', 'r1', 'p1'));

    expect((await store.listProperties('h1')).map((p) => p.propertyId)).toEqual(['p1']);
    expect((await store.listLocks('h1')).map((l) => l.lockId)).toEqual(['front']);
    expect((await store.listReservations('h1', 'p1')).map((r) => r.reservationId)).toEqual(['r1']);
  });
});

describe('live reservations of a property', () => {
  it('lists only those whose code window ends at or after the given instant, soonest first', async () => {
    const ending = (id: string, activeUntil: number) => {
      const r = reservation('h-live', id, 'p1');
      return { ...r, code: { ...r.code, activeUntil } };
    };
    await store.createReservation(ending('past', Date.UTC(2026, 6, 1)));
    await store.createReservation(ending('later', Date.UTC(2026, 6, 20)));
    await store.createReservation(ending('sooner', Date.UTC(2026, 6, 12)));
    await store.createReservation({ ...ending('elsewhere', Date.UTC(2026, 6, 12)), propertyId: 'p2' });

    const live = await store.listReservations('h-live', 'p1', Date.UTC(2026, 6, 10));

    expect(live.map((r) => r.reservationId)).toEqual(['sooner', 'later']);
  });

  it('moves a reservation in the index when its window moves', async () => {
    const r = reservation('h-move', 'r1', 'p1');
    await store.createReservation(r);
    await store.saveReservation(
      { ...r, version: 2, code: { ...r.code, activeUntil: Date.UTC(2026, 5, 1) } },
      1,
    );

    expect(await store.listReservations('h-move', 'p1', Date.UTC(2026, 6, 1))).toEqual([]);
  });
});

describe('R9.3 tenant isolation', () => {
  it("never returns host A's items through host B's keys, even when B's id prefixes A's", async () => {
    await store.putProperty(property('host-10', 'p1'));
    await store.putLock(lock('host-10', 'front'));
    await store.createReservation(reservation('host-10', 'r1', 'p1'));

    for (const other of ['host-1', 'host-100']) {
      expect(await store.getProperty(other, 'p1')).toBeUndefined();
      expect(await store.getLock(other, 'front')).toBeUndefined();
      expect(await store.getReservation(other, 'r1')).toBeUndefined();
      expect(await store.listProperties(other)).toEqual([]);
      expect(await store.listLocks(other)).toEqual([]);
      expect(await store.listReservations(other, 'p1')).toEqual([]);
    }
  });

  it('keeps the same ids under two hosts apart', async () => {
    await store.createReservation(reservation('hA', 'r1', 'p1', '111111'));
    await store.createReservation(reservation('hB', 'r1', 'p1', '222222'));

    expect((await store.getReservation('hA', 'r1'))?.code.pin).toBe('111111');
    expect((await store.getReservation('hB', 'r1'))?.code.pin).toBe('222222');
  });

  it("refuses a lock whose device is another host's, leaving both hosts' data as it was", async () => {
    await store.putLock(lock('hA', 'front', 'dev-1'));

    const claim = store.putLock(lock('hB', 'door', 'dev-1'));

    await expect(claim).rejects.toBeInstanceOf(ConflictError);
    expect(await store.findDevice('seam', 'dev-1')).toMatchObject({ hostId: 'hA', lockId: 'front' });
    expect(await store.getLock('hB', 'door')).toBeUndefined();
  });

  it("lets a host re-store its own lock's device", async () => {
    await store.putLock(lock('hA', 'front', 'dev-1'));

    await store.putLock({ ...lock('hA', 'front', 'dev-1'), name: 'Main door' });

    expect((await store.getLock('hA', 'front'))?.name).toBe('Main door');
  });
});

describe('R9.1 conditional reservation writes', () => {
  it('refuses to create a reservation twice, keeping the first', async () => {
    await store.createReservation(reservation('h1', 'r1', 'p1', '111111'));

    const again = store.createReservation(reservation('h1', 'r1', 'p1', '222222'));

    await expect(again).rejects.toMatchObject({ name: 'ConflictError', code: 'conflict' });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getReservation('h1', 'r1'))?.code.pin).toBe('111111');
  });

  it('saves when the stored version is the expected one', async () => {
    await store.createReservation(reservation('h1', 'r1'));
    const cancelled = { ...reservation('h1', 'r1'), status: 'cancelled' as const, version: 2 };

    await store.saveReservation(cancelled, 1);

    expect(await store.getReservation('h1', 'r1')).toEqual(cancelled);
  });

  it('refuses a save from a stale version, keeping the stored one', async () => {
    await store.createReservation(reservation('h1', 'r1'));
    const second = { ...reservation('h1', 'r1'), version: 2 };
    await store.saveReservation(second, 1);

    const stale = store.saveReservation({ ...reservation('h1', 'r1'), status: 'cancelled', version: 2 }, 1);

    await expect(stale).rejects.toMatchObject({ name: 'StaleWriteError', code: 'stale_write' });
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    expect(await store.getReservation('h1', 'r1')).toEqual(second);
  });

  it('lets exactly one of two concurrent writers from the same version win', async () => {
    await store.createReservation(reservation('h1', 'r1'));
    const writers = ['111111', '222222'].map((pin) => ({
      ...reservation('h1', 'r1', 'p1', pin),
      version: 2,
    }));

    const results = await Promise.allSettled(writers.map((w) => store.saveReservation(w, 1)));

    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [writers[i]] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(StaleWriteError);
    expect(await store.getReservation('h1', 'r1')).toEqual(won[0]);
  });

  it('never creates a reservation through a save', async () => {
    const save = store.saveReservation({ ...reservation('h1', 'r1'), version: 2 }, 1);

    await expect(save).rejects.toBeInstanceOf(StaleWriteError);
    expect(await store.getReservation('h1', 'r1')).toBeUndefined();
  });
});

describe('listing across pages', () => {
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
