import type { CalendarFeed } from '#core/calendars/feed.ts';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import type { CalendarFeedStore } from '#ports/calendar-feed-store.ts';
import { feedIndexKeys, feedsDueBy, keys } from '../common/store-keys.ts';
import { type CapacityMeter, unmetered } from './capacity.ts';
import { entityOf, MemoryTable } from './memory-table.ts';

/**
 * Calendar feeds (R10) in memory, keyed and indexed as DynamoFeedStore keys them (store-keys.ts), with
 * the same versioned writes; each read is a fresh copy, as from DynamoDB.
 */
export class MemoryFeedStore implements CalendarFeedStore {
  private readonly table: MemoryTable;

  /** `meter` hears of each call DynamoFeedStore would make, with its capacity units. */
  constructor(meter: CapacityMeter = unmetered) {
    this.table = new MemoryTable(meter);
  }

  async createFeed(feed: CalendarFeed): Promise<void> {
    if (!this.table.putIf(feedRow(feed), (stored) => stored === undefined))
      throw new ConflictError(`feed ${feed.calendarId} exists`);
  }

  async getFeed(hostId: string, calendarId: string): Promise<CalendarFeed | undefined> {
    return this.table.get<CalendarFeed>(keys.host(hostId), keys.feed(calendarId));
  }

  async saveFeed(feed: CalendarFeed, expectedVersion: number): Promise<void> {
    // Also refused when nothing is stored, so a save never brings back a deleted feed.
    if (!this.table.putIf(feedRow(feed), (stored) => stored?.version === expectedVersion))
      throw new StaleWriteError(`feed ${feed.calendarId} is no longer at version ${expectedVersion}`);
  }

  async listFeeds(hostId: string, propertyId: string): Promise<CalendarFeed[]> {
    return this.table
      .queryIndex('byProperty', keys.propertyFeeds(hostId, propertyId))
      .map(({ row }) => entityOf<CalendarFeed>(row));
  }

  async deleteFeed(hostId: string, calendarId: string): Promise<void> {
    this.table.delete(keys.host(hostId), keys.feed(calendarId));
  }

  async listDueFeeds(shard: number, dueBy: Instant, limit: number): Promise<CalendarFeed[]> {
    // DynamoDB refuses a Limit below 1 (a ValidationException); so does this.
    if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
    return this.table
      .queryIndex('byDue', keys.feedDue(shard), { to: feedsDueBy(dueBy), limit })
      .map(({ row }) => entityOf<CalendarFeed>(row));
  }
}

// `version` is the condition of every save; the index keys list it per property and per due shard.
function feedRow(feed: CalendarFeed) {
  return {
    pk: keys.host(feed.hostId),
    sk: keys.feed(feed.calendarId),
    kind: 'calendarFeed',
    entity: feed,
    version: feed.version,
    indexes: feedIndexKeys(feed),
  };
}
