import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '#core/errors.ts';
import type { ReservationQuery } from '#ports/reservation-store.ts';
import { day, stay } from './fixtures.ts';
import type { AllStores } from './harness.ts';

// GET /v1/reservations underneath: a property's reservations by date range, page by page.

export function pageContract(store: () => AllStores): void {
  describe('a property’s reservations page by page', () => {
    /** Every page's reservation ids, following the cursor to the end. */
    async function allPages(hostId: string, query: Omit<ReservationQuery, 'cursor'>) {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await store().pageReservations(hostId, 'p1', { ...query, cursor });
        pages.push(page.reservations.map((r) => r.reservationId));
        cursor = page.cursor;
      } while (cursor !== undefined);
      return pages;
    }

    beforeEach(async () => {
      const s = store();
      // Stored out of window order, to show pages come by window end, not by writing.
      await s.createReservation(stay('h1', 'c', day(7), day(9)));
      await s.createReservation(stay('h1', 'a', day(1), day(3)));
      await s.createReservation(stay('h1', 'e', day(13), day(15)));
      await s.createReservation(stay('h1', 'b', day(4), day(6)));
      await s.createReservation(stay('h1', 'd', day(10), day(12)));
      await s.createReservation(stay('h1', 'other-property', day(4), day(6), { propertyId: 'p2' }));
    });

    it('returns every reservation once, by window end, over pages of the asked size', async () => {
      expect(await allPages('h1', { limit: 2 })).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    });

    it('ends a full last page with a cursor to an empty one, as DynamoDB’s last evaluated key does', async () => {
      expect(await allPages('h1', { limit: 5 })).toEqual([['a', 'b', 'c', 'd', 'e'], []]);
    });

    it('keeps only windows overlapping [from, to): ending after from, starting before to', async () => {
      expect((await allPages('h1', { from: day(6), to: day(10), limit: 10 })).flat()).toEqual(['c']);
      expect((await allPages('h1', { from: day(5), to: day(11), limit: 1 })).flat()).toEqual(['b', 'c', 'd']);
    });

    it('fills a page past windows the range leaves out, however far it has to read', async () => {
      // Ends last but starts early: every window ending before it starts after `to`.
      await store().createReservation(stay('h1', 'long', day(2), day(16)));

      expect(await allPages('h1', { to: day(5), limit: 2 })).toEqual([['a', 'b'], ['long']]);
      expect(await allPages('h1', { to: day(5), limit: 3 })).toEqual([['a', 'b', 'long'], []]);
    });

    it('continues by window end, not by position: a stay added before the cursor is not repeated', async () => {
      const first = await store().pageReservations('h1', 'p1', { limit: 2 });
      await store().createReservation(stay('h1', 'early', day(1), day(2)));
      await store().createReservation(stay('h1', 'late', day(16), day(18)));

      const next = await store().pageReservations('h1', 'p1', { limit: 10, cursor: first.cursor });

      expect(next.reservations.map((r) => r.reservationId)).toEqual(['c', 'd', 'e', 'late']);
    });

    it('refuses a cursor it did not hand out, naming the field (R9.2)', async () => {
      const forged = Buffer.from('not a key').toString('base64url');

      const refused = store().pageReservations('h1', 'p1', { limit: 5, cursor: forged });

      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({ field: 'cursor' });
    });

    it('refuses a cursor from before the range asked for, naming the field (R9.2)', async () => {
      const first = await store().pageReservations('h1', 'p1', { limit: 1 });

      const refused = store().pageReservations('h1', 'p1', { from: day(10), limit: 5, cursor: first.cursor });

      expect(first.cursor).toBeDefined();
      await expect(refused).rejects.toMatchObject({ name: 'ValidationError', field: 'cursor' });
    });

    it('refuses a page size below one', async () => {
      await expect(store().pageReservations('h1', 'p1', { limit: 0 })).rejects.toThrow();
      expect((await store().pageReservations('h1', 'p1', { limit: 1 })).reservations).toHaveLength(1);
    });

    it('never reaches another host’s reservations, whatever the cursor (R9.3)', async () => {
      const first = await store().pageReservations('h1', 'p1', { limit: 1 });

      const stolen = await store().pageReservations('h2', 'p1', { limit: 5, cursor: first.cursor });

      expect(first.cursor).toBeDefined();
      expect(stolen).toEqual({ reservations: [], cursor: undefined });
    });
  });
}
