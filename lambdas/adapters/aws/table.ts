import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import {
  BY_DUE_INDEX,
  BY_PROPERTY_INDEX,
  DUE_SHARDS,
  PARTITION_KEY,
  SORT_KEY,
} from '#config/table-layout.ts';

/*
 * The single table (shared by the DynamoDB store and the local runtime).
 *
 *   pk                                   sk                      item
 *   HOST#<hostId>                        PROPERTY#<propertyId>   property
 *   HOST#<hostId>                        LOCK#<lockId>           lock
 *   HOST#<hostId>                        RES#<reservationId>     reservation (+ version, propertyId)
 *   DEVICE#<provider>#<deviceId>         DEVICE                  device → host/lock
 *   ACCESSCODE#<provider>#<accessCodeId> ACCESSCODE              access code → host/reservation/lock
 *   HOST#<hostId>                        CONNECTION#<lockId>     lock online/offline (+ version)
 *   HOST#<hostId>                        CONTACT                 where the host's alerts go
 *   HOST#<hostId>                        ACCOUNT#<provider>      a connected lock provider account
 *   HOST#<hostId>                        POOL#<lockId>#<poolId>  one backup pool code (+ version, R6)
 *   HOST#<hostId>                        POOLHEALTH#<lockId>     the pool's R6.4 signals (+ version)
 *   HOST#<hostId>                        FEED#<calendarId>       a calendar feed (+ version, R10)
 *   HOST#<hostId>                        STAFF#<staffId>         a staff member (+ version, R12)
 *
 * A pool code is its own item so that issuing it to a guest is one conditional write on its version:
 * two concurrent claims of the same code cannot both succeed (dynalite has no transactions). A lock's
 * pool is one Query on begins_with(sk, POOL#<lockId>#).
 *
 * Every key a host can reach starts with HOST#<hostId>, so a host's queries can only ever read its own
 * items (R9.3). The two reverse lookups are keyed by the provider's ids because provider webhooks know
 * nothing else; they are read only by webhook handlers and hold a hostId to continue from.
 *
 * Index `byProperty` (reservations and feeds): gsi1pk = HOST#<hostId>#PROPERTY#<propertyId>,
 * gsi1sk = <activeUntil ISO>#<reservationId>. A property's live reservations are one Query with
 * gsi1sk >= now, however many past stays the host has. A property's feeds have a partition of their
 * own, gsi1pk = HOST#<hostId>#PROPERTY#<propertyId>#FEEDS, gsi1sk = FEED#<calendarId>, so that Query
 * never meets them.
 *
 * Index `byDue` (accepted reservations only, sparse): gsi2pk = DUE#<activeFrom UTC date>#<shard>,
 * gsi2sk = <activeFrom ISO>#<hostId>#<reservationId>. The daily healthcheck (R4.3) reads the codes due
 * in the next 24 hours as one Query per (shard, date) with gsi2sk BETWEEN the window's ends — never a
 * scan. Shard = a hash of host and reservation ids mod DUE_SHARDS, so one day's writes and reads
 * spread over DUE_SHARDS partitions (arithmetic in docs/decisions.md).
 *
 * Every feed is also in `byDue`, in partitions of its own: gsi2pk = FEEDDUE#<shard>, gsi2sk =
 * <nextReadAt ISO>#<hostId>#<calendarId>, shard = a hash of host and calendar ids mod FEED_SHARDS. The
 * scheduled reading (R10.1) takes a shard's due feeds, earliest first, as one Query with gsi2sk <= now.
 * Sharing the index spares the table a migration and the functions a new index grant.
 */

// The keys themselves are shared with the in-memory store, which orders its items by them.
export {
  ACCESS_CODE_SORT_KEY,
  CONTACT_SORT_KEY,
  DEVICE_SORT_KEY,
  dueDays,
  dueShard,
  keys,
  sortKeyPrefix,
} from '../common/store-keys.ts';
// The names the data stack shares, for the adapters that build items and queries on this table.
export { BY_DUE_INDEX, BY_PROPERTY_INDEX, DUE_SHARDS, PARTITION_KEY, SORT_KEY };

/** What the local runtime (dynalite) creates; the CDK data stack declares the same keys. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: PARTITION_KEY, AttributeType: 'S' },
      { AttributeName: SORT_KEY, AttributeType: 'S' },
      { AttributeName: BY_PROPERTY_INDEX.partitionKey, AttributeType: 'S' },
      { AttributeName: BY_PROPERTY_INDEX.sortKey, AttributeType: 'S' },
      { AttributeName: BY_DUE_INDEX.partitionKey, AttributeType: 'S' },
      { AttributeName: BY_DUE_INDEX.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: BY_PROPERTY_INDEX.name,
        KeySchema: [
          { AttributeName: BY_PROPERTY_INDEX.partitionKey, KeyType: 'HASH' },
          { AttributeName: BY_PROPERTY_INDEX.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: BY_DUE_INDEX.name,
        KeySchema: [
          { AttributeName: BY_DUE_INDEX.partitionKey, KeyType: 'HASH' },
          { AttributeName: BY_DUE_INDEX.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
