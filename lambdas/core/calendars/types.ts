import type { Instant } from '../model.ts';

// The vocabulary calendar feeds share (R10): what a feed's VEVENTs become on the way from iCal text
// to reservations. Producing modules own the types that only they and their callers use.

/** The channel a feed belongs to (R10.1); `other` is any property-management system's export. */
export const FEED_CHANNELS = ['airbnb', 'vrbo', 'booking', 'other'] as const;
export type FeedChannel = (typeof FEED_CHANNELS)[number];

/**
 * DTSTART or DTEND as the feed gave it. `date` is an all-day value (R10.2 gives it the property's
 * check-in or check-out time); `instant` a time in UTC or in a zone that could be resolved;
 * `floating` a wall-clock time with no usable zone, read in the property's time zone.
 */
export type EventTime =
  | { kind: 'date'; date: string }
  | { kind: 'instant'; at: Instant }
  | { kind: 'floating'; local: string };

/** One readable VEVENT: text values unescaped, `''` where the feed left them out. */
export interface FeedEvent {
  uid: string;
  start: EventTime;
  end: EventTime;
  summary: string;
  description: string;
}

/** What the feed says of a guest's stay, before its times are placed in the property's zone. */
export interface ChannelStay {
  kind: 'stay';
  uid: string;
  start: EventTime;
  end: EventTime;
  /** `''` when the channel exports none (Airbnb, Booking.com): R3.4 then names the code otherwise. */
  guestName: string;
  /** Only when the feed carries one (the tail of Airbnb's reservation URL, R10.3). */
  confirmationCode?: string | undefined;
  /** The guest phone's final 4 digits when the feed carries them (Airbnb, R10.3). */
  phoneLast4?: string | undefined;
}

/** Dates that are not a stay: the owner's holds, and "Not available" nights synced in (R10.2). */
export interface ChannelBlock {
  kind: 'block';
  uid: string;
}

export type ChannelEvent = ChannelStay | ChannelBlock;

/** A stay with its times placed in the property's zone: what a reservation is made from. */
export interface Stay {
  uid: string;
  /** Local `YYYY-MM-DDTHH:MM` in the property's zone; an offset follows only when that is ambiguous. */
  checkIn: string;
  checkOut: string;
  checkInAt: Instant;
  checkOutAt: Instant;
  /** The local dates of check-in and check-out, `YYYY-MM-DD`: the quirks of R10.9 compare them. */
  startDate: string;
  endDate: string;
  guestName: string;
  confirmationCode?: string | undefined;
  phoneLast4?: string | undefined;
}
