import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
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
 *
 * Every key a host can reach starts with HOST#<hostId>, so a host's queries can only ever read its own
 * items (R9.3). The two reverse lookups are keyed by the provider's ids because provider webhooks know
 * nothing else; they are read only by webhook handlers and hold a hostId to continue from.
 *
 * Index `byProperty` (reservations only): gsi1pk = HOST#<hostId>#PROPERTY#<propertyId>,
 * gsi1sk = <activeUntil ISO>#<reservationId>. A property's live reservations are one Query with
 * gsi1sk >= now, however many past stays the host has.
 */

export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
export const BY_PROPERTY_INDEX = { name: 'byProperty', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;

export const keys = {
  host: (hostId: string) => `HOST#${hostId}`,
  property: (propertyId: string) => `PROPERTY#${propertyId}`,
  lock: (lockId: string) => `LOCK#${lockId}`,
  reservation: (reservationId: string) => `RES#${reservationId}`,
  device: (provider: LockProviderName, deviceId: string) => `DEVICE#${provider}#${deviceId}`,
  accessCode: (provider: LockProviderName, accessCodeId: string) => `ACCESSCODE#${provider}#${accessCodeId}`,
  propertyReservations: (hostId: string, propertyId: string) => `HOST#${hostId}#PROPERTY#${propertyId}`,
  lockConnection: (lockId: string) => `CONNECTION#${lockId}`,
} as const;

/** Sort-key prefixes of the entities listed per host. */
export const sortKeyPrefix = { property: 'PROPERTY#', lock: 'LOCK#', reservation: 'RES#' } as const;

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
    ],
  };
}
