import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CalendarFeed } from '#core/calendars/feed.ts';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import type { CalendarFeedStore } from '#ports/calendar-feed-store.ts';
import { feedIndexKeys, feedsDueBy, keys } from '../common/store-keys.ts';
import { BY_DUE_INDEX, BY_PROPERTY_INDEX } from './table.ts';
import { atVersion, type Item, item, n, s, TableItems } from './table-items.ts';

export interface DynamoFeedStoreOptions {
  /** Items per Query page; only tests set it, to exercise pagination without megabytes of data. */
  pageLimit?: number | undefined;
}

/**
 * Calendar feeds (R10) on the single table (the key design is drawn in table.ts): the feed under its
 * host, listed per property through `byProperty` and per due shard through `byDue`, never a scan.
 * The URL is stored as given: the table is encrypted with Lockstep's own KMS key (R10.7).
 */
export class DynamoFeedStore implements CalendarFeedStore {
  private readonly items: TableItems;

  constructor(client: DynamoDBClient, tableName: string, options: DynamoFeedStoreOptions = {}) {
    this.items = new TableItems(client, tableName, options.pageLimit);
  }

  async createFeed(feed: CalendarFeed): Promise<void> {
    await this.items.putIf(
      feedItem(feed),
      { ConditionExpression: 'attribute_not_exists(pk)' },
      () => new ConflictError(`feed ${feed.calendarId} exists`),
    );
  }

  getFeed(hostId: string, calendarId: string): Promise<CalendarFeed | undefined> {
    return this.items.get<CalendarFeed>(keys.host(hostId), keys.feed(calendarId));
  }

  async saveFeed(feed: CalendarFeed, expectedVersion: number): Promise<void> {
    // Also refused when the item is missing, so a save never brings back a deleted feed.
    await this.items.putIf(
      feedItem(feed),
      atVersion(expectedVersion),
      () => new StaleWriteError(`feed ${feed.calendarId} is no longer at version ${expectedVersion}`),
    );
  }

  listFeeds(hostId: string, propertyId: string): Promise<CalendarFeed[]> {
    return this.items.paginate<CalendarFeed>({
      IndexName: BY_PROPERTY_INDEX.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': BY_PROPERTY_INDEX.partitionKey },
      ExpressionAttributeValues: { ':pk': s(keys.propertyFeeds(hostId, propertyId)) },
    });
  }

  async deleteFeed(hostId: string, calendarId: string): Promise<void> {
    await this.items.delete(keys.host(hostId), keys.feed(calendarId));
  }

  listDueFeeds(shard: number, dueBy: Instant, limit: number): Promise<CalendarFeed[]> {
    // Refused here, as the in-memory store does, rather than as DynamoDB's ValidationException.
    if (!(limit >= 1)) return Promise.reject(new RangeError('limit must be at least 1'));
    return this.items.first<CalendarFeed>(
      {
        IndexName: BY_DUE_INDEX.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :dueBy',
        ExpressionAttributeNames: { '#pk': BY_DUE_INDEX.partitionKey, '#sk': BY_DUE_INDEX.sortKey },
        ExpressionAttributeValues: { ':pk': s(keys.feedDue(shard)), ':dueBy': s(feedsDueBy(dueBy)) },
      },
      limit,
    );
  }
}

// `version` is the condition of every save; the gsi keys place the feed in byProperty and byDue.
function feedItem(feed: CalendarFeed): Item {
  const index = feedIndexKeys(feed);
  return {
    ...item(keys.host(feed.hostId), keys.feed(feed.calendarId), 'calendarFeed', feed),
    version: n(feed.version),
    [BY_PROPERTY_INDEX.partitionKey]: s(index.byProperty.pk),
    [BY_PROPERTY_INDEX.sortKey]: s(index.byProperty.sk),
    [BY_DUE_INDEX.partitionKey]: s(index.byDue.pk),
    [BY_DUE_INDEX.sortKey]: s(index.byDue.sk),
  };
}
