import { createHash } from 'node:crypto';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import {
  BY_DUE_INDEX,
  BY_PROPERTY_INDEX,
  DUE_SHARDS,
  PARTITION_KEY,
  SORT_KEY,
} from '#config/table-layout.ts';
import type { LockProviderName } from '#core/model.ts';

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
 *
 * A pool code is its own item so that issuing it to a guest is one conditional write on its version:
 * two concurrent claims of the same code cannot both succeed (dynalite has no transactions). A lock's
 * pool is one Query on begins_with(sk, POOL#<lockId>#).
 *
 * Every key a host can reach starts with HOST#<hostId>, so a host's queries can only ever read its own
 * items (R9.3). The two reverse lookups are keyed by the provider's ids because provider webhooks know
 * nothing else; they are read only by webhook handlers and hold a hostId to continue from.
 *
 * Index `byProperty` (reservations only): gsi1pk = HOST#<hostId>#PROPERTY#<propertyId>,
 * gsi1sk = <activeUntil ISO>#<reservationId>. A property's live reservations are one Query with
 * gsi1sk >= now, however many past stays the host has.
 *
 * Index `byDue` (accepted reservations only, sparse): gsi2pk = DUE#<activeFrom UTC date>#<shard>,
 * gsi2sk = <activeFrom ISO>#<hostId>#<reservationId>. The daily healthcheck (R4.3) reads the codes due
 * in the next 24 hours as one Query per (shard, date) with gsi2sk BETWEEN the window's ends — never a
 * scan. Shard = a hash of host and reservation ids mod DUE_SHARDS, so one day's writes and reads
 * spread over DUE_SHARDS partitions (arithmetic in docs/decisions.md).
 */

// The names the data stack shares, for the adapters that build items and queries on this table.
export { BY_DUE_INDEX, BY_PROPERTY_INDEX, DUE_SHARDS, PARTITION_KEY, SORT_KEY };

export const keys = {
  host: (hostId: string) => `HOST#${hostId}`,
  property: (propertyId: string) => `PROPERTY#${propertyId}`,
  lock: (lockId: string) => `LOCK#${lockId}`,
  reservation: (reservationId: string) => `RES#${reservationId}`,
  device: (provider: LockProviderName, deviceId: string) => `DEVICE#${provider}#${deviceId}`,
  accessCode: (provider: LockProviderName, accessCodeId: string) => `ACCESSCODE#${provider}#${accessCodeId}`,
  propertyReservations: (hostId: string, propertyId: string) => `HOST#${hostId}#PROPERTY#${propertyId}`,
  lockConnection: (lockId: string) => `CONNECTION#${lockId}`,
  due: (day: string, shard: number) => `DUE#${day}#${String(shard).padStart(3, '0')}`,
  lockAccount: (provider: LockProviderName) => `ACCOUNT#${provider}`,
  poolCode: (lockId: string, poolCodeId: string) => `POOL#${lockId}#${poolCodeId}`,
  poolOfLock: (lockId: string) => `POOL#${lockId}#`,
  poolHealth: (lockId: string) => `POOLHEALTH#${lockId}`,
} as const;

/** The `byDue` shard of a reservation: stable, evenly spread. */
export function dueShard(hostId: string, reservationId: string): number {
  return createHash('sha256').update(`${hostId}\u0000${reservationId}`).digest().readUInt32BE(0) % DUE_SHARDS;
}

/** The UTC dates a window [from, to] touches, as `byDue` partition days. */
export function dueDays(from: number, to: number): string[] {
  const days: string[] = [];
  for (let t = Date.parse(new Date(from).toISOString().slice(0, 10)); t <= to; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Sort-key prefixes of the entities listed per host. */
export const sortKeyPrefix = {
  lockAccount: 'ACCOUNT#',
  property: 'PROPERTY#',
  lock: 'LOCK#',
  reservation: 'RES#',
} as const;

export const DEVICE_SORT_KEY = 'DEVICE';
export const ACCESS_CODE_SORT_KEY = 'ACCESSCODE';
export const CONTACT_SORT_KEY = 'CONTACT';

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
