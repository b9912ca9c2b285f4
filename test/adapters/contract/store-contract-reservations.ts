import { describe, expect, it } from 'vitest';
import { dueShard } from '#adapters/common/store-keys.ts';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { Reservation } from '#core/model.ts';
import { reservation } from '../aws/fixtures.ts';
import { day, stay } from './fixtures.ts';
import { type AllStores, exactlyOneWins } from './harness.ts';

// Reservations: conditional writes (R9.1), a property's live stays (R1.2), the due shards (R4.3).

const ids = (rs: Reservation[]) => rs.map((r) => r.reservationId);

export function reservationContract(store: () => AllStores): void {
  describe('R9.1 conditional reservation writes', () => {
    it('refuses to create a reservation twice, keeping the first', async () => {
      const s = store();
      await s.createReservation(reservation('h1', 'r1', 'p1', '111111'));

      const again = s.createReservation(reservation('h1', 'r1', 'p1', '222222'));

      await expect(again).rejects.toMatchObject({ name: 'ConflictError', code: 'conflict' });
      await expect(again).rejects.toBeInstanceOf(ConflictError);
      expect((await s.getReservation('h1', 'r1'))?.code.pin).toBe('111111');
    });

    it('lets exactly one of two concurrent creations win', async () => {
      const s = store();
      const creators = ['111111', '222222'].map((pin) => reservation('h1', 'r1', 'p1', pin));

      const { winner, rejections } = await exactlyOneWins(creators.map((c) => () => s.createReservation(c)));

      expect(rejections[0]).toBeInstanceOf(ConflictError);
      expect(await s.getReservation('h1', 'r1')).toEqual(creators[winner]);
    });

    it('saves when the stored version is the expected one', async () => {
      const s = store();
      await s.createReservation(reservation('h1', 'r1'));
      const cancelled = { ...reservation('h1', 'r1'), status: 'cancelled' as const, version: 2 };

      await s.saveReservation(cancelled, 1);

      expect(await s.getReservation('h1', 'r1')).toEqual(cancelled);
    });

    it('refuses a save from a stale version, keeping the stored one', async () => {
      const s = store();
      await s.createReservation(reservation('h1', 'r1'));
      const second = { ...reservation('h1', 'r1'), version: 2 };
      await s.saveReservation(second, 1);

      const stale = s.saveReservation({ ...reservation('h1', 'r1'), status: 'cancelled', version: 2 }, 1);

      await expect(stale).rejects.toMatchObject({ name: 'StaleWriteError', code: 'stale_write' });
      await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
      expect(await s.getReservation('h1', 'r1')).toEqual(second);
    });

    it('lets exactly one of two concurrent writers from the same version win', async () => {
      const s = store();
      await s.createReservation(reservation('h1', 'r1'));
      const writers = ['111111', '222222'].map((pin) => ({
        ...reservation('h1', 'r1', 'p1', pin),
        version: 2,
      }));

      const { winner, rejections } = await exactlyOneWins(writers.map((w) => () => s.saveReservation(w, 1)));

      expect(rejections).toHaveLength(1);
      expect(rejections[0]).toBeInstanceOf(StaleWriteError);
      expect(await s.getReservation('h1', 'r1')).toEqual(writers[winner]);
    });

    it('never creates a reservation through a save', async () => {
      const s = store();
      const save = s.saveReservation({ ...reservation('h1', 'r1'), version: 2 }, 1);

      await expect(save).rejects.toBeInstanceOf(StaleWriteError);
      expect(await s.getReservation('h1', 'r1')).toBeUndefined();
    });

    it('R9.4 names no PIN in a refused write', async () => {
      const s = store();
      await s.createReservation(reservation('h1', 'r1', 'p1', '739164'));

      const created = await s.createReservation(reservation('h1', 'r1')).catch((e: unknown) => e);
      const saved = await s.saveReservation(reservation('h1', 'r1'), 7).catch((e: unknown) => e);

      expect(created).toBeInstanceOf(ConflictError);
      expect(saved).toBeInstanceOf(StaleWriteError);
      expect(`${String(created)} ${String(saved)}`).not.toContain('739164');
    });
  });

  describe('R1.2 a property’s live reservations', () => {
    it('lists only those whose code window ends at or after the given instant, soonest first', async () => {
      const s = store();
      await s.createReservation(stay('h-live', 'past', day(1), day(1)));
      await s.createReservation(stay('h-live', 'later', day(5), day(20)));
      await s.createReservation(stay('h-live', 'sooner', day(5), day(12)));
      await s.createReservation(stay('h-live', 'at-the-instant', day(5), day(10)));
      await s.createReservation(stay('h-live', 'elsewhere', day(5), day(12), { propertyId: 'p2' }));

      const live = await s.listReservations('h-live', 'p1', day(10));

      expect(ids(live)).toEqual(['at-the-instant', 'sooner', 'later']);
    });

    it('lists every reservation of the property by window end, then id, and no other property’s', async () => {
      const s = store();
      // Stored out of order; every fourth is another property's; windows end on four days only.
      const all = Array.from({ length: 40 }, (_, i) => ({
        id: `r${String((i * 7) % 40).padStart(2, '0')}`,
        i,
      }));
      await Promise.all(
        all.map(({ id, i }) =>
          s.createReservation(
            stay('h1', id, day(1), day(10 + (i % 4)), { propertyId: i % 5 === 4 ? 'p2' : 'p1' }),
          ),
        ),
      );
      const expected = all
        .filter(({ i }) => i % 5 !== 4)
        .sort((a, b) => (a.i % 4) - (b.i % 4) || (a.id < b.id ? -1 : 1))
        .map(({ id }) => id);

      expect(ids(await s.listReservations('h1', 'p1'))).toEqual(expected);
    });

    it('moves a reservation in the index when its window moves', async () => {
      const s = store();
      const r = stay('h-move', 'r1', day(10), day(14));
      await s.createReservation(r);
      const listedBefore = ids(await s.listReservations('h-move', 'p1', day(13)));

      await s.saveReservation({ ...r, version: 2, code: { ...r.code, activeUntil: day(12) } }, 1);

      expect(listedBefore).toEqual(['r1']);
      expect(await s.listReservations('h-move', 'p1', day(13))).toEqual([]);
      expect(ids(await s.listReservations('h-move', 'p1', day(12)))).toEqual(['r1']);
    });
  });

  describe('R4.3 due reservations by byDue shard', () => {
    const shardOf = (id: string) => dueShard('h1', id);
    const otherShard = (id: string) => (shardOf(id) + 1) % 100;

    it('lists an accepted reservation in its own shard only, both window ends included', async () => {
      const s = store();
      await s.createReservation(stay('h1', 'at-from', day(10, 8), day(12)));
      await s.createReservation(stay('h1', 'at-to', day(11, 8), day(12)));
      await s.createReservation(stay('h1', 'after-to', day(11, 8) + 1, day(12)));

      const due = async (id: string, shard = shardOf(id)) =>
        ids(await s.listDueReservations(shard, day(10, 8), day(11, 8)));

      expect(await due('at-from')).toContain('at-from');
      expect(await due('at-to')).toContain('at-to');
      expect(await due('after-to')).not.toContain('after-to');
      expect(await due('at-from', otherShard('at-from'))).not.toContain('at-from');
    });

    it('leaves out cancelled reservations, and takes one out when it is cancelled', async () => {
      const s = store();
      const r = stay('h1', 'r1', day(10, 9), day(12));
      await s.createReservation(r);
      await s.createReservation(stay('h1', 'cancelled', day(10, 9), day(12), { status: 'cancelled' }));
      const dueBefore = ids(await s.listDueReservations(shardOf('r1'), day(10), day(11)));

      await s.saveReservation({ ...r, status: 'cancelled', version: 2 }, 1);

      expect(dueBefore).toEqual(['r1']);
      expect(await s.listDueReservations(shardOf('r1'), day(10), day(11))).toEqual([]);
      expect(await s.listDueReservations(shardOf('cancelled'), day(10), day(11))).toEqual([]);
    });

    it('spans every UTC day the window touches, listing by activeFrom across hosts', async () => {
      const s = store();
      const { shard, stays } = oneShardStays(['ha', 'hb', 'hc', 'hd']);
      const activeFroms = [day(10, 23), day(10, 22), day(11, 6), day(11, 8)];
      for (const [i, { hostId, reservationId }] of stays.entries())
        await s.createReservation(stay(hostId, reservationId, activeFroms[i] ?? 0, day(12)));

      const due = await s.listDueReservations(shard, day(10, 20), day(11, 7));

      const named = (r: { hostId: string; reservationId: string }) => `${r.hostId}/${r.reservationId}`;
      expect(due.map(named)).toEqual(
        [1, 0, 2].map((i) => named(stays[i] ?? { hostId: '', reservationId: '' })),
      );
    });

    it('follows a reservation whose activeFrom moves to another day', async () => {
      const s = store();
      const r = stay('h1', 'r1', day(10, 9), day(14));
      await s.createReservation(r);

      await s.saveReservation({ ...r, version: 2, code: { ...r.code, activeFrom: day(12, 9) } }, 1);

      expect(await s.listDueReservations(shardOf('r1'), day(10), day(11))).toEqual([]);
      expect(ids(await s.listDueReservations(shardOf('r1'), day(12), day(13)))).toEqual(['r1']);
    });

    it('refuses a window that ends before it starts on the same day', async () => {
      const s = store();
      await s.createReservation(stay('h1', 'r1', day(10, 9), day(14)));

      await expect(s.listDueReservations(shardOf('r1'), day(10, 10), day(10, 8))).rejects.toThrow();
      expect(ids(await s.listDueReservations(shardOf('r1'), day(10, 8), day(10, 10)))).toEqual(['r1']);
    });
  });
}

/** One reservation id per host, all in one `byDue` shard: ids are tried in turn until they land. */
function oneShardStays(hostIds: string[]): {
  shard: number;
  stays: { hostId: string; reservationId: string }[];
} {
  const shard = dueShard(hostIds[0] ?? '', 'r0');
  const stays = hostIds.map((hostId) => {
    for (let n = 0; ; n++) if (dueShard(hostId, `r${n}`) === shard) return { hostId, reservationId: `r${n}` };
  });
  return { shard, stays };
}
