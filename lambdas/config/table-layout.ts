// The table's keys, indexes, TTL attribute and due shards: the data stack declares them, the
// DynamoDB adapters read and write by them (the item layout itself is in adapters/aws/table.ts).

export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
export const BY_PROPERTY_INDEX = { name: 'byProperty', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const BY_DUE_INDEX = { name: 'byDue', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
/** Partitions per due day (R4.3 healthcheck fan-out): 1,000,000 codes a day → 10,000 per shard. */
export const DUE_SHARDS = 100;
/** Partitions of the feeds due to be read (R10.1): 100,000 feeds → 6,250 per shard each 15 minutes. */
export const FEED_SHARDS = 16;
/** The table's TTL attribute (epoch seconds). */
export const EXPIRES_AT = 'expiresAt';
/**
 * Every channel inbox item's partition key starts with this (then the delivery id): the table's
 * stream is filtered on it, so only admitted deliveries reach the inbox consumer (R9.5).
 */
export const INBOX_KEY_PREFIX = 'INBOX#channel#';
export const INBOX_SORT_KEY = 'DELIVERY';
