// The table's keys, indexes, TTL attribute and due-day shards: the data stack declares them, the
// DynamoDB adapters read and write by them (the item layout itself is in adapters/aws/table.ts).

export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
export const BY_PROPERTY_INDEX = { name: 'byProperty', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const BY_DUE_INDEX = { name: 'byDue', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
/** Partitions per due day (R4.3 healthcheck fan-out): 1,000,000 codes a day → 10,000 per shard. */
export const DUE_SHARDS = 100;
/** The table's TTL attribute (epoch seconds). */
export const EXPIRES_AT = 'expiresAt';
