import type { Instant, Reservation } from '#core/model.ts';
import type { ReservationPage, ReservationQuery } from '#ports/reservation-store.ts';
import {
  decodeCursor,
  dueBetween,
  dueDays,
  encodeCursor,
  endingAfter,
  endingAtOrAfter,
  keys,
} from '../common/store-keys.ts';
import { byKey, entityOf, type MemoryTable } from './memory-table.ts';

// The reservation reads that go through an index, as the DynamoDB store's Queries read them.

/** The property's reservations whose window ends at or after `endingAfter`, by window end. */
export function listByProperty(
  table: MemoryTable,
  hostId: string,
  propertyId: string,
  endingAfter: Instant,
): Reservation[] {
  return table
    .queryIndex('byProperty', keys.propertyReservations(hostId, propertyId), {
      from: endingAtOrAfter(endingAfter),
    })
    .map(({ row }) => entityOf<Reservation>(row));
}

/**
 * One page, as the DynamoDB store gathers it: Queries of `Limit` evaluated items, filtered, until
 * `limit` are found. A full page carries a cursor even when nothing follows it, as DynamoDB's last
 * evaluated key does.
 */
export function pageByProperty(
  table: MemoryTable,
  hostId: string,
  propertyId: string,
  query: ReservationQuery,
): ReservationPage {
  const lowest = endingAfter(query.from ?? 0);
  // DynamoDB refuses a Limit below 1 (a ValidationException); so does this.
  if (!(query.limit >= 1)) throw new RangeError('limit must be at least 1');
  let after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, lowest);
  const reservations: Reservation[] = [];
  do {
    const limit = query.limit - reservations.length;
    const evaluated = table.queryIndex('byProperty', keys.propertyReservations(hostId, propertyId), {
      from: lowest,
      after,
      limit,
    });
    for (const { row } of evaluated) {
      const r = entityOf<Reservation>(row);
      if (query.to === undefined || r.code.activeFrom < query.to) reservations.push(r);
    }
    after = evaluated.length < limit ? undefined : evaluated.at(-1)?.sk;
  } while (after !== undefined && reservations.length < query.limit);
  return { reservations, cursor: after === undefined ? undefined : encodeCursor(after) };
}

/** Accepted reservations of one `byDue` shard due in [from, to], one Query per day partition (R4.3). */
export function listDue(table: MemoryTable, shard: number, from: Instant, to: Instant): Reservation[] {
  const days = dueDays(from, to);
  if (days.length === 0) return [];
  const bounds = dueBetween(from, to);
  // DynamoDB refuses a BETWEEN whose upper bound is below its lower one (a ValidationException).
  if (byKey(bounds.from, bounds.to) > 0) throw new RangeError('the due window ends before it starts');
  return days.flatMap((day) =>
    table.queryIndex('byDue', keys.due(day, shard), bounds).map(({ row }) => entityOf<Reservation>(row)),
  );
}
