import type { Instant } from '../model.ts';
import type { FeedState } from './feed-state.ts';
import type { FeedChannel } from './types.ts';

// One calendar feed of a property (R10.1): where it is read from, how its reads went (R10.5) and
// what Lockstep remembers of its stays between reads (R10.4).

/** How a feed's reads have gone, as the host sees them (R10.5). Never the URL (R10.7). */
export interface FeedHealth {
  reads: number;
  failedReads: number;
  lastReadAt?: Instant | undefined;
  /** Stays the last good read listed. */
  staysSeen: number;
  /** Why the last failed read failed, in words that never quote the URL. */
  lastError?: { at: Instant; problem: string } | undefined;
  /** The first failure of the current run of failures; absent while reads succeed. */
  failingSince?: Instant | undefined;
  /** When the host was alerted about the current run of failures: once per run (R10.5). */
  alertedAt?: Instant | undefined;
}

export interface CalendarFeed {
  hostId: string;
  propertyId: string;
  calendarId: string;
  channel: FeedChannel;
  /** A secret: it grants read access to the host's calendar (R10.7). */
  url: string;
  createdAt: Instant;
  /** When the feed is next due to be read (R10.1: at most 15 minutes after the last read). */
  nextReadAt: Instant;
  /** The last answer's validators, sent back so an unchanged calendar costs no body (conditional GET). */
  validators: { etag?: string | undefined; lastModified?: string | undefined };
  health: FeedHealth;
  state: FeedState;
  /** Bumped on every write; writes are conditional on it. */
  version: number;
}
