import type { Instant, Reservation } from '#core/model.ts';

export interface ReservationQuery {
  from?: Instant | undefined;
  to?: Instant | undefined;
  limit: number;
  /** Opaque, from the previous page; one that is not a cursor of this store is a ValidationError. */
  cursor?: string | undefined;
}

export interface ReservationPage {
  reservations: Reservation[];
  cursor?: string | undefined;
}

/**
 * Reservations. Writes are conditional on the version read, so a stale writer fails with
 * StaleWriteError instead of overwriting (R9.1).
 */
export interface ReservationStore {
  getReservation(hostId: string, reservationId: string): Promise<Reservation | undefined>;
  /** Writes version 1; fails with ConflictError when the reservation exists. */
  createReservation(reservation: Reservation): Promise<void>;
  /** Writes `reservation` (its version already bumped) only if the stored version is `expectedVersion`. */
  saveReservation(reservation: Reservation, expectedVersion: number): Promise<void>;
  /** The property's reservations whose code window ends at or after `endingAfter` (all when absent). */
  listReservations(hostId: string, propertyId: string, endingAfter?: Instant): Promise<Reservation[]>;
  /**
   * One page of the property's reservations whose code window overlaps [from, to), ordered by the
   * window's end; `cursor` continues after the previous page (absent on the last one).
   */
  pageReservations(hostId: string, propertyId: string, query: ReservationQuery): Promise<ReservationPage>;
  /** Accepted reservations of one `byDue` shard whose activeFrom is in [from, to] (R4.3), by Query only. */
  listDueReservations(shard: number, from: Instant, to: Instant): Promise<Reservation[]>;
}
