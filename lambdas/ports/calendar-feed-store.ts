import type { CalendarFeed } from '#core/calendars/feed.ts';
import type { Instant } from '#core/model.ts';

/** A property's calendar feeds (R10). Every key carries the host id (R9.3). */
export interface CalendarFeedStore {
  /** Writes version 1; fails with ConflictError when the feed exists. */
  createFeed(feed: CalendarFeed): Promise<void>;
  getFeed(hostId: string, calendarId: string): Promise<CalendarFeed | undefined>;
  /** Writes `feed` (its version already bumped) only if the stored version is `expectedVersion`. */
  saveFeed(feed: CalendarFeed, expectedVersion: number): Promise<void>;
  /** The property's feeds, ordered by calendar id. */
  listFeeds(hostId: string, propertyId: string): Promise<CalendarFeed[]>;
  /** Idempotent: a feed already gone is not an error. */
  deleteFeed(hostId: string, calendarId: string): Promise<void>;
  /**
   * Feeds of one shard due by `dueBy` (their `nextReadAt` at or before it), earliest first, at most
   * `limit`: the scheduled reading's query, never a scan.
   */
  listDueFeeds(shard: number, dueBy: Instant, limit: number): Promise<CalendarFeed[]>;
}
