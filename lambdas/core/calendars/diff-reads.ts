import type { Channel, Instant, ReservationInput } from '../model.ts';
import { type Continuation, continuations } from './feed-quirks.ts';
import { type FeedState, fallbackConfirmationCode, feedReservationId, type KnownStay } from './feed-state.ts';
import type { FeedChannel, Stay } from './types.ts';

// R10.4: a good read compared with what the feed listed before, by UID. New UIDs are accepted, known
// ones with new dates or guest modified (R7.1), and a UID is cancelled only once two good reads at
// least 30 minutes apart have both lacked it, and never once its stay has begun.

export const CANCEL_AFTER_MS = 30 * 60_000;

/** The channel a feed's reservations carry (R10.2); a PMS export's are direct bookings. */
export const RESERVATION_CHANNEL: Record<FeedChannel, Channel> = {
  airbnb: 'airbnb',
  vrbo: 'vrbo',
  booking: 'booking',
  other: 'direct',
};

/** One good read of a feed, its stays already placed in the property's zone. */
export interface GoodRead {
  /** The feed's stays, less those another feed of the property holds (R10.6). */
  stays: Stay[];
  /**
   * UIDs the feed lists whose stay another feed holds. They make the read no empty one, yet their
   * stays are not this feed's reservations: one made before is missing, as if the feed lacked it.
   */
  mergedAway: string[];
  blocks: number;
  /** UIDs of VEVENTs skipped as unreadable: their stays stand as they were, neither changed nor missing. */
  heldUids: string[];
}

export interface DiffInput {
  feedId: string;
  channel: FeedChannel;
  propertyId: string;
  timeZone: string;
  state: FeedState;
  read: GoodRead;
  now: Instant;
}

/** What the reservation use cases are to do: `acceptReservation`, `changeReservation`, `cancelReservation`. */
export interface FeedCommand {
  kind: 'accept' | 'modify' | 'cancel';
  uid: string;
  /** For a cancellation, the reservation as Lockstep last knew it. */
  reservation: ReservationInput;
}

/** R10.5's counts. `ignored`: blocks, stays already over, and vanished stays that had begun. */
export interface ReadCounts {
  added: number;
  changed: number;
  cancelled: number;
  unchanged: number;
  ignored: number;
}

export interface DiffResult {
  /** In a stable order: by check-in, then by UID. */
  commands: FeedCommand[];
  state: FeedState;
  counts: ReadCounts;
  /** No stay that has not ended, while the last good read listed future ones: nothing changed (R10.4). */
  suspicious: boolean;
}

const noCounts = (): ReadCounts => ({ added: 0, changed: 0, cancelled: 0, unchanged: 0, ignored: 0 });

const sameStay = (a: Stay, b: Stay) =>
  a.checkInAt === b.checkInAt &&
  a.checkOutAt === b.checkOutAt &&
  a.guestName === b.guestName &&
  a.confirmationCode === b.confirmationCode &&
  a.phoneLast4 === b.phoneLast4;

/**
 * The reservation as the use cases take it. The phone's last 4 digits go in as the phone: enough for
 * a 4-digit phone PIN (R3.1, R10.3), and never an E.164 number, so no text message goes to it (R5.2).
 */
function reservationInput(input: DiffInput, reservationId: string, stay: Stay): ReservationInput {
  return {
    reservationId,
    propertyId: input.propertyId,
    channel: RESERVATION_CHANNEL[input.channel],
    confirmationCode: stay.confirmationCode ?? fallbackConfirmationCode(reservationId),
    guest: { name: stay.guestName, ...(stay.phoneLast4 ? { phone: stay.phoneLast4 } : {}) },
    checkIn: stay.checkIn,
    checkOut: stay.checkOut,
  };
}

export function diffRead(input: DiffInput): DiffResult {
  const { state, read, now } = input;
  const current = read.stays.filter((s) => s.checkOutAt > now);
  const listedFuture = state.stays.some((k) => k.missingFrom.length === 0 && k.stay.checkInAt > now);
  if (current.length === 0 && read.mergedAway.length === 0 && listedFuture) {
    return {
      commands: [],
      state,
      counts: { ...noCounts(), ignored: read.stays.length + read.blocks },
      suspicious: true,
    };
  }
  const counts = noCounts();
  counts.ignored += read.blocks + read.stays.length - current.length;
  const planned: { at: Instant; command: FeedCommand }[] = [];
  const next: KnownStay[] = [];
  const known = new Map(state.stays.map((k) => [k.uid, k]));
  // A cancelled UID is remembered while its stay could still come back, or while it is back.
  const cancelled = state.cancelled
    .filter((c) => c.checkOutAt > now || known.has(c.uid))
    .map((c) => ({ ...c }));
  const plan = (at: Instant, command: FeedCommand) => planned.push({ at, command });

  const listed = new Set(read.stays.map((s) => s.uid));
  const held = new Set(read.heldUids);
  const vanished = state.stays.filter((k) => !listed.has(k.uid) && !held.has(k.uid));
  const carried = continuations(
    input.channel,
    vanished,
    current.filter((s) => !known.has(s.uid)),
    now,
    input.timeZone,
  );
  const carriedBy = new Map<string, Continuation>(carried.map((c) => [c.fresh.uid, c]));
  const carriedOn = new Set(carried.map((c) => c.known));

  for (const stay of current) {
    const previous = known.get(stay.uid) ?? carriedBy.get(stay.uid)?.known;
    // Booking.com's re-issued run is the stay already known, check-in and all (R10.9).
    const kept =
      carriedBy.get(stay.uid)?.adopt === false && previous ? { ...previous.stay, uid: stay.uid } : stay;
    if (previous) {
      const changed = !sameStay(previous.stay, kept);
      if (changed)
        plan(kept.checkInAt, {
          kind: 'modify',
          uid: stay.uid,
          reservation: reservationInput(input, previous.reservationId, kept),
        });
      counts[changed ? 'changed' : 'unchanged'] += 1;
      next.push({ uid: stay.uid, reservationId: previous.reservationId, stay: kept, missingFrom: [] });
      continue;
    }
    const returning = cancelled.find((c) => c.uid === stay.uid);
    const generation = (returning?.generation ?? 0) + 1;
    if (returning) returning.generation = generation;
    const reservationId = feedReservationId(input.feedId, stay.uid, generation);
    plan(stay.checkInAt, {
      kind: 'accept',
      uid: stay.uid,
      reservation: reservationInput(input, reservationId, stay),
    });
    counts.added += 1;
    next.push({ uid: stay.uid, reservationId, stay, missingFrom: [] });
  }

  for (const k of state.stays) {
    if (listed.has(k.uid) || carriedOn.has(k)) continue;
    if (k.stay.checkOutAt <= now) {
      counts.ignored += 1;
      continue;
    }
    if (held.has(k.uid)) {
      counts.unchanged += 1;
      next.push(k);
      continue;
    }
    const missingFrom = [k.missingFrom[0] ?? now, now];
    const [first = now] = missingFrom;
    const begun = k.stay.checkInAt <= now;
    if (!begun && k.missingFrom.length > 0 && now - first >= CANCEL_AFTER_MS) {
      plan(k.stay.checkInAt, {
        kind: 'cancel',
        uid: k.uid,
        reservation: reservationInput(input, k.reservationId, k.stay),
      });
      counts.cancelled += 1;
      const before = cancelled.find((c) => c.uid === k.uid);
      if (before) before.checkOutAt = k.stay.checkOutAt;
      else cancelled.push({ uid: k.uid, generation: 1, checkOutAt: k.stay.checkOutAt });
      continue;
    }
    // A stay under way stays known, uncancelled, until it is over: channels drop current stays.
    counts[begun ? 'ignored' : 'unchanged'] += 1;
    next.push({ ...k, missingFrom: k.missingFrom.length === 0 ? [now] : missingFrom });
  }

  planned.sort(
    (a, b) => a.at - b.at || (a.command.uid < b.command.uid ? -1 : a.command.uid > b.command.uid ? 1 : 0),
  );
  return {
    commands: planned.map((p) => p.command),
    state: { lastGoodReadAt: now, stays: next, cancelled },
    counts,
    suspicious: false,
  };
}
