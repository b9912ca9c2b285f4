import { createHash } from 'node:crypto';
import type { Instant } from '../model.ts';
import type { Stay } from './types.ts';

// What Lockstep remembers of one feed between reads (R10.4), and the ids its reservations take.

/** A stay Lockstep made a reservation of, as it stands now. */
export interface KnownStay {
  /** The UID it has in the feed now; R10.9's quirks move a stay to a fresh UID. */
  uid: string;
  reservationId: string;
  stay: Stay;
  /**
   * The good reads that have lacked it since it was last seen: the first and the latest (the
   * cancellation rule needs no others). Empty while the feed lists it.
   */
  missingFrom: Instant[];
}

/** A UID Lockstep cancelled: if it comes back, it is a new reservation under its next generation's id. */
export interface CancelledUid {
  uid: string;
  /** The generation of the UID's latest reservation id (`feedReservationId`). */
  generation: number;
  /** Its stay's last check-out: forgotten once that has passed and the UID is not back. */
  checkOutAt: Instant;
}

export interface FeedState {
  /** The last good read (R10.5 shows it to the host); none before the first. */
  lastGoodReadAt?: Instant | undefined;
  stays: KnownStay[];
  cancelled: CancelledUid[];
}

export const emptyFeedState = (): FeedState => ({ stays: [], cancelled: [] });

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * The reservation id of a feed's UID: the same on every read and every machine, within the host
 * API's id alphabet and 64 characters. A UID that returns after a cancellation counts generations.
 */
export function feedReservationId(feedId: string, uid: string, generation = 1): string {
  const id = `ical-${digest(feedId, uid).slice(0, 40)}`;
  return generation > 1 ? `${id}-${generation}` : id;
}

/**
 * A confirmation code for a stay whose feed gives none (Vrbo, Booking.com): short enough for a lock's
 * code name (R3.4), and stable across R10.9's fresh UIDs, since it follows the reservation.
 */
export const fallbackConfirmationCode = (reservationId: string): string =>
  digest(reservationId).slice(0, 8).toUpperCase();
