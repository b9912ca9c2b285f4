import type { Instant } from '../model.ts';
import type { KnownStay } from './feed-state.ts';
import { localDate } from './stay-times.ts';
import type { FeedChannel, Stay } from './types.ts';

// R10.9: two channels move a stay to a fresh UID. Within one read, a known stay that vanished and a
// new UID that carries it on are one stay, not a cancellation and a new booking.

/** How a fresh UID carries on a known stay: with its new data (Vrbo) or as the same stay (Booking.com). */
export interface Continuation {
  known: KnownStay;
  fresh: Stay;
  /** Vrbo: the fresh UID's dates and guest are the stay's now. Booking.com: the known stay stands. */
  adopt: boolean;
}

const DAY = 86_400_000;

const overlaps = (a: Stay, b: Stay) => a.checkInAt < b.checkOutAt && b.checkInAt < a.checkOutAt;
const overlapLength = (a: Stay, b: Stay) =>
  Math.min(a.checkOutAt, b.checkOutAt) - Math.max(a.checkInAt, b.checkInAt);
const sameGuest = (a: Stay, b: Stay) =>
  a.guestName !== '' && a.guestName.toLocaleLowerCase('en') === b.guestName.toLocaleLowerCase('en');

/** Vrbo: overlapping dates and the same guest name. */
const vrboCarriesOn = (known: Stay, fresh: Stay) => overlaps(known, fresh) && sameGuest(known, fresh);

/**
 * Booking.com: the run in progress, re-issued from today to the same last day. "Today" may be a day
 * ahead of the property's date, as Booking.com need not date its runs in the property's zone.
 */
function bookingCarriesOn(known: Stay, fresh: Stay, latestStart: string): boolean {
  return (
    fresh.endDate === known.endDate && fresh.startDate > known.startDate && fresh.startDate <= latestStart
  );
}

/**
 * Pairs each vanished known stay with at most one fresh UID of the same read. Among several
 * candidates the longest overlap wins, then the earlier check-in, then the UID's order, so the
 * answer never depends on the feed's order.
 */
export function continuations(
  channel: FeedChannel,
  vanished: readonly KnownStay[],
  fresh: readonly Stay[],
  now: Instant,
  timeZone: string,
): Continuation[] {
  if (channel !== 'vrbo' && channel !== 'booking') return [];
  const latestStart = localDate(now + DAY, timeZone);
  const carriesOn = (k: Stay, f: Stay) =>
    channel === 'vrbo' ? vrboCarriesOn(k, f) : bookingCarriesOn(k, f, latestStart);
  const candidates = vanished
    .flatMap((known) => fresh.filter((f) => carriesOn(known.stay, f)).map((f) => ({ known, fresh: f })))
    .sort(
      (a, b) =>
        overlapLength(b.known.stay, b.fresh) - overlapLength(a.known.stay, a.fresh) ||
        a.fresh.checkInAt - b.fresh.checkInAt ||
        (a.fresh.uid < b.fresh.uid ? -1 : a.fresh.uid > b.fresh.uid ? 1 : 0) ||
        (a.known.uid < b.known.uid ? -1 : a.known.uid > b.known.uid ? 1 : 0),
    );
  const pairs: Continuation[] = [];
  const taken = new Set<unknown>();
  for (const c of candidates) {
    if (taken.has(c.known) || taken.has(c.fresh)) continue;
    taken.add(c.known).add(c.fresh);
    pairs.push({ ...c, adopt: channel === 'vrbo' });
  }
  return pairs;
}
