import { describe, expect, it } from 'vitest';
import { ConflictError } from '#core/errors.ts';
import type { AccessCodeRef } from '#ports/access-code-index.ts';
import { lock, property, reservation } from '../aws/fixtures.ts';
import { connection, poolCode, poolHealth } from './fixtures.ts';
import type { AllStores } from './harness.ts';

// Properties, locks, host accounts and the reverse lookups: round trips, key order, isolation (R9.3).

const accessCodeRef = (hostId: string, accessCodeId = 'ac-1'): AccessCodeRef => ({
  provider: 'seam',
  accessCodeId,
  hostId,
  reservationId: 'r1',
  lockId: 'front',
});

export function entityContract(store: () => AllStores): void {
  describe('round trips', () => {
    it('R1.1 stores, overwrites and lists a host’s properties', async () => {
      const s = store();
      await s.putProperty(property('h1', 'p1'));
      const renamed = { ...property('h1', 'p1'), name: 'Renamed' };
      await s.putProperty(renamed);
      await s.putProperty(property('h1', 'p2'));

      expect(await s.getProperty('h1', 'p1')).toEqual(renamed);
      expect(await s.listProperties('h1')).toEqual([renamed, property('h1', 'p2')]);
    });

    it('R4.2 stores a lock with its device reference, so provider webhooks find the lock', async () => {
      const s = store();
      await s.putLock(lock('h1', 'front', 'dev-9'));

      expect(await s.getLock('h1', 'front')).toEqual(lock('h1', 'front', 'dev-9'));
      expect(await s.listLocks('h1')).toEqual([lock('h1', 'front', 'dev-9')]);
      expect(await s.findDevice('seam', 'dev-9')).toEqual({
        provider: 'seam',
        deviceId: 'dev-9',
        hostId: 'h1',
        lockId: 'front',
      });
    });

    it('R8.1 stores a reservation with every field, non-ASCII text included', async () => {
      const s = store();
      await s.createReservation(reservation('h1', 'r1'));

      expect(await s.getReservation('h1', 'r1')).toEqual(reservation('h1', 'r1'));
    });

    it('R4.2 R6 stores access code references, a pool code’s with its pool code id', async () => {
      const s = store();
      const pooled = { ...accessCodeRef('h1', 'ac-2'), poolCodeId: 'backup-1' };
      await s.putAccessCodeRef(accessCodeRef('h1'));
      await s.putAccessCodeRef(pooled);

      expect(await s.findAccessCode('seam', 'ac-1')).toEqual(accessCodeRef('h1'));
      expect(await s.findAccessCode('seam', 'ac-2')).toEqual(pooled);
      expect(await s.findAccessCode('sandbox', 'ac-1')).toBeUndefined();
    });

    it('R8.2 stores where each host wants its alerts', async () => {
      const s = store();
      await s.putHostContact({ hostId: 'h1', alertEmail: 'ops@host-one.example' });

      expect(await s.getHostContact('h1')).toEqual({ hostId: 'h1', alertEmail: 'ops@host-one.example' });
      expect(await s.getHostContact('h2')).toBeUndefined();
    });

    it('keeps one lock account per provider, the latest connection, listed by provider', async () => {
      const s = store();
      await s.putLockAccount({ hostId: 'h1', provider: 'seam', connectedAt: 1 });
      await s.putLockAccount({ hostId: 'h1', provider: 'sandbox', connectedAt: 2 });
      await s.putLockAccount({ hostId: 'h1', provider: 'seam', connectedAt: 3 });

      expect(await s.listLockAccounts('h1')).toEqual([
        { hostId: 'h1', provider: 'sandbox', connectedAt: 2 },
        { hostId: 'h1', provider: 'seam', connectedAt: 3 },
      ]);
    });

    it('R4.2 R9.3 answers undefined for what was never stored, beside what was', async () => {
      const s = store();
      await s.putProperty(property('h1', 'p1'));
      await s.putLock(lock('h1', 'front', 'dev-1'));
      await s.createReservation(reservation('h1', 'r1'));
      await s.putAccessCodeRef(accessCodeRef('h1'));

      expect(await s.getProperty('h1', 'p2')).toBeUndefined();
      expect(await s.getLock('h1', 'back')).toBeUndefined();
      expect(await s.getReservation('h1', 'r2')).toBeUndefined();
      expect(await s.findDevice('seam', 'dev-2')).toBeUndefined();
      expect(await s.findAccessCode('seam', 'ac-2')).toBeUndefined();
      expect(await s.getLockConnection('h1', 'front')).toBeUndefined();
      expect(await s.getPoolHealth('h1', 'front')).toBeUndefined();
      expect(await s.getHostContact('h1')).toBeUndefined();
      expect(await s.getProperty('h1', 'p1')).toBeDefined();
    });

    it('R9.1 hands out copies: changing what was stored or read changes nothing stored', async () => {
      const s = store();
      const stored = property('h1', 'p1');
      await s.putProperty(stored);
      stored.lockIds.push('garage');
      const read = await s.getProperty('h1', 'p1');
      if (!read) throw new Error('not stored');
      read.name = 'Changed';
      const [listed] = await s.listProperties('h1');
      if (!listed) throw new Error('not listed');
      listed.settings.bufferAfterMinutes = 0;

      expect(await s.getProperty('h1', 'p1')).toEqual(property('h1', 'p1'));
    });
  });

  describe('key order and kinds', () => {
    it('R1.1 lists properties and locks in id order (by UTF-8 bytes), whatever order they were stored in', async () => {
      const s = store();
      const ids = ['p2', 'p10', 'P3', 'p1-b', 'p1', '\u{1F3E0}', '\uFF01'];
      for (const id of ids) await s.putProperty(property('h1', id));
      for (const id of ids) await s.putLock(lock('h1', id));
      const inKeyOrder = ['P3', 'p1', 'p1-b', 'p10', 'p2', '\uFF01', '\u{1F3E0}'];

      expect((await s.listProperties('h1')).map((p) => p.propertyId)).toEqual(inKeyOrder);
      expect((await s.listLocks('h1')).map((l) => l.lockId)).toEqual(inKeyOrder);
    });

    it('R1.1 lists only the kind asked for', async () => {
      const s = store();
      await s.putProperty(property('h1', 'p1'));
      await s.putLock(lock('h1', 'front'));
      await s.createReservation(reservation('h1', 'r1', 'p1'));
      await s.saveLockConnection(connection(1), undefined);
      await s.savePoolCode(poolCode('a'), undefined);
      await s.savePoolHealth(poolHealth(1), undefined);
      await s.putLockAccount({ hostId: 'h1', provider: 'seam', connectedAt: 1 });

      expect((await s.listProperties('h1')).map((p) => p.propertyId)).toEqual(['p1']);
      expect((await s.listLocks('h1')).map((l) => l.lockId)).toEqual(['front']);
      expect((await s.listReservations('h1', 'p1')).map((r) => r.reservationId)).toEqual(['r1']);
      expect((await s.listPoolCodes('h1', 'front')).map((c) => c.poolCodeId)).toEqual(['a']);
      expect((await s.listLockAccounts('h1')).map((a) => a.provider)).toEqual(['seam']);
    });
  });

  describe('R9.3 tenant isolation', () => {
    it("never returns host A's items through host B's keys, even when B's id prefixes A's", async () => {
      const s = store();
      await s.putProperty(property('host-10', 'p1'));
      await s.putLock(lock('host-10', 'front'));
      await s.createReservation(reservation('host-10', 'r1', 'p1'));
      await s.savePoolCode(poolCode('a', 'front', 'host-10'), undefined);
      await s.saveLockConnection(connection(1, 100, 'host-10'), undefined);
      await s.putLockAccount({ hostId: 'host-10', provider: 'seam', connectedAt: 1 });

      for (const other of ['host-1', 'host-100']) {
        expect(await s.getProperty(other, 'p1')).toBeUndefined();
        expect(await s.getLock(other, 'front')).toBeUndefined();
        expect(await s.getReservation(other, 'r1')).toBeUndefined();
        expect(await s.getLockConnection(other, 'front')).toBeUndefined();
        expect(await s.listProperties(other)).toEqual([]);
        expect(await s.listLocks(other)).toEqual([]);
        expect(await s.listReservations(other, 'p1')).toEqual([]);
        expect(await s.listPoolCodes(other, 'front')).toEqual([]);
        expect(await s.listLockAccounts(other)).toEqual([]);
      }
      expect(await s.listReservations('host-10', 'p1')).toHaveLength(1);
    });

    it('keeps the same ids under two hosts apart', async () => {
      const s = store();
      await s.createReservation(reservation('hA', 'r1', 'p1', '111111'));
      await s.createReservation(reservation('hB', 'r1', 'p1', '222222'));

      expect((await s.getReservation('hA', 'r1'))?.code.pin).toBe('111111');
      expect((await s.getReservation('hB', 'r1'))?.code.pin).toBe('222222');
    });

    it("refuses a lock whose device is another host's, leaving both hosts' data as it was", async () => {
      const s = store();
      await s.putLock(lock('hA', 'front', 'dev-1'));

      const refused = await s.putLock(lock('hB', 'door', 'dev-1')).catch((error: unknown) => error);

      expect(refused).toBeInstanceOf(ConflictError);
      expect(String(refused)).not.toContain('hA');
      expect(await s.findDevice('seam', 'dev-1')).toMatchObject({ hostId: 'hA', lockId: 'front' });
      expect(await s.getLock('hB', 'door')).toBeUndefined();
    });

    it("lets a host re-store its own lock's device", async () => {
      const s = store();
      await s.putLock(lock('hA', 'front', 'dev-1'));

      await s.putLock({ ...lock('hA', 'front', 'dev-1'), name: 'Main door' });

      expect((await s.getLock('hA', 'front'))?.name).toBe('Main door');
    });
  });
}
