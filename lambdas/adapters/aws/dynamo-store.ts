import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { PoolCode, PoolHealth } from '#core/backup/pool.ts';
import type { EveryStore } from '#core/deps.ts';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { Instant, Lock, LockProviderName, Property, Reservation } from '#core/model.ts';
import type { AccessCodeRef } from '#ports/access-code-index.ts';
import type { HostContact, LockAccount } from '#ports/host-account-store.ts';
import type { LockConnection } from '#ports/lock-connection-store.ts';
import type { DeviceRef } from '#ports/lock-store.ts';
import type { ReservationPage, ReservationQuery } from '#ports/reservation-store.ts';
import {
  ACCESS_CODE_SORT_KEY,
  CONTACT_SORT_KEY,
  DEVICE_SORT_KEY,
  deviceRefOf,
  dueBetween,
  dueDays,
  endingAtOrAfter,
  keys,
  reservationIndexKeys,
  sortKeyPrefix,
} from '../common/store-keys.ts';
import { pageReservations } from './reservation-pages.ts';
import { BY_DUE_INDEX, BY_PROPERTY_INDEX } from './table.ts';
import { type Item, item, n, s, TableItems } from './table-items.ts';

export interface DynamoStoreOptions {
  /** Items per Query page; only tests set it, to exercise pagination without megabytes of data. */
  pageLimit?: number | undefined;
}

/**
 * Every store port on one DynamoDB table: the key design is in table.ts, item access in table-items.ts.
 * Attributes used in conditions, filters and index keys are kept top-level beside the body.
 */
export class DynamoStore implements EveryStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly items: TableItems;

  constructor(client: DynamoDBClient, tableName: string, options: DynamoStoreOptions = {}) {
    this.client = client;
    this.tableName = tableName;
    this.items = new TableItems(client, tableName, options.pageLimit);
  }

  getProperty(hostId: string, propertyId: string): Promise<Property | undefined> {
    return this.items.get<Property>(keys.host(hostId), keys.property(propertyId));
  }

  async putProperty(property: Property): Promise<void> {
    await this.items.put(
      item(keys.host(property.hostId), keys.property(property.propertyId), 'property', property),
    );
  }

  listProperties(hostId: string): Promise<Property[]> {
    return this.items.query<Property>(keys.host(hostId), sortKeyPrefix.property);
  }

  getLock(hostId: string, lockId: string): Promise<Lock | undefined> {
    return this.items.get<Lock>(keys.host(hostId), keys.lock(lockId));
  }

  async putLock(lock: Lock): Promise<void> {
    const ref = deviceRefOf(lock);
    // The reference goes first and may not move a device to another host: webhooks follow it, so
    // claiming someone else's device id would route their lock's events to this host (R9.3). The error
    // names no owner.
    await this.items.putIf(
      {
        ...item(keys.device(lock.provider, lock.deviceId), DEVICE_SORT_KEY, 'device', ref),
        hostId: s(lock.hostId),
      },
      {
        ConditionExpression: 'attribute_not_exists(pk) OR hostId = :hostId',
        ExpressionAttributeValues: { ':hostId': s(lock.hostId) },
      },
      () => new ConflictError(`device ${lock.provider}/${lock.deviceId} cannot be registered`),
    );
    await this.items.put(item(keys.host(lock.hostId), keys.lock(lock.lockId), 'lock', lock));
  }

  listLocks(hostId: string): Promise<Lock[]> {
    return this.items.query<Lock>(keys.host(hostId), sortKeyPrefix.lock);
  }

  findDevice(provider: LockProviderName, deviceId: string): Promise<DeviceRef | undefined> {
    return this.items.get<DeviceRef>(keys.device(provider, deviceId), DEVICE_SORT_KEY);
  }

  getReservation(hostId: string, reservationId: string): Promise<Reservation | undefined> {
    return this.items.get<Reservation>(keys.host(hostId), keys.reservation(reservationId));
  }

  async createReservation(reservation: Reservation): Promise<void> {
    await this.items.putIf(
      reservationItem(reservation),
      { ConditionExpression: 'attribute_not_exists(pk)' },
      () => new ConflictError(`reservation ${reservation.reservationId} exists`),
    );
  }

  async saveReservation(reservation: Reservation, expectedVersion: number): Promise<void> {
    await this.items.putIf(
      reservationItem(reservation),
      // Also false when the item is missing, so a save never creates a reservation.
      {
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': n(expectedVersion) },
      },
      () =>
        new StaleWriteError(
          `reservation ${reservation.reservationId} is no longer at version ${expectedVersion}`,
        ),
    );
  }

  // The byProperty index skips past stays: its sort key starts with the window's end.
  listReservations(hostId: string, propertyId: string, endingAfter = 0): Promise<Reservation[]> {
    return this.items.paginate<Reservation>({
      IndexName: BY_PROPERTY_INDEX.name,
      KeyConditionExpression: '#pk = :pk AND #sk >= :from',
      ExpressionAttributeNames: { '#pk': BY_PROPERTY_INDEX.partitionKey, '#sk': BY_PROPERTY_INDEX.sortKey },
      ExpressionAttributeValues: {
        ':pk': s(keys.propertyReservations(hostId, propertyId)),
        ':from': s(endingAtOrAfter(endingAfter)),
      },
    });
  }

  pageReservations(hostId: string, propertyId: string, query: ReservationQuery): Promise<ReservationPage> {
    return pageReservations(this.client, this.tableName, hostId, propertyId, query);
  }

  getLockConnection(hostId: string, lockId: string): Promise<LockConnection | undefined> {
    return this.items.get<LockConnection>(keys.host(hostId), keys.lockConnection(lockId));
  }

  saveLockConnection(next: LockConnection, expectedVersion: number | undefined): Promise<boolean> {
    const key = item(keys.host(next.hostId), keys.lockConnection(next.lockId), 'lockConnection', next);
    return this.items.putVersioned(key, next.version, expectedVersion);
  }

  async listDueReservations(shard: number, from: Instant, to: Instant): Promise<Reservation[]> {
    const pages = await Promise.all(
      dueDays(from, to).map((day) =>
        this.items.paginate<Reservation>({
          IndexName: BY_DUE_INDEX.name,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': BY_DUE_INDEX.partitionKey, '#sk': BY_DUE_INDEX.sortKey },
          ExpressionAttributeValues: {
            ':pk': s(keys.due(day, shard)),
            // Codes due exactly at `to` are included.
            ':from': s(dueBetween(from, to).from),
            ':to': s(dueBetween(from, to).to),
          },
        }),
      ),
    );
    return pages.flat();
  }

  listPoolCodes(hostId: string, lockId: string): Promise<PoolCode[]> {
    return this.items.query<PoolCode>(keys.host(hostId), keys.poolOfLock(lockId));
  }

  savePoolCode(code: PoolCode, expectedVersion: number | undefined): Promise<boolean> {
    const key = item(keys.host(code.hostId), keys.poolCode(code.lockId, code.poolCodeId), 'poolCode', code);
    return this.items.putVersioned(key, code.version, expectedVersion);
  }

  async deletePoolCode(hostId: string, lockId: string, poolCodeId: string): Promise<void> {
    await this.items.delete(keys.host(hostId), keys.poolCode(lockId, poolCodeId));
  }

  getPoolHealth(hostId: string, lockId: string): Promise<PoolHealth | undefined> {
    return this.items.get<PoolHealth>(keys.host(hostId), keys.poolHealth(lockId));
  }

  savePoolHealth(health: PoolHealth, expectedVersion: number | undefined): Promise<boolean> {
    const key = item(keys.host(health.hostId), keys.poolHealth(health.lockId), 'poolHealth', health);
    return this.items.putVersioned(key, health.version, expectedVersion);
  }

  async putLockAccount(account: LockAccount): Promise<void> {
    await this.items.put(
      item(keys.host(account.hostId), keys.lockAccount(account.provider), 'lockAccount', account),
    );
  }

  listLockAccounts(hostId: string): Promise<LockAccount[]> {
    return this.items.query<LockAccount>(keys.host(hostId), sortKeyPrefix.lockAccount);
  }

  getHostContact(hostId: string): Promise<HostContact | undefined> {
    return this.items.get<HostContact>(keys.host(hostId), CONTACT_SORT_KEY);
  }

  async putHostContact(contact: HostContact): Promise<void> {
    await this.items.put(item(keys.host(contact.hostId), CONTACT_SORT_KEY, 'hostContact', contact));
  }

  async putAccessCodeRef(ref: AccessCodeRef): Promise<void> {
    await this.items.put(
      item(keys.accessCode(ref.provider, ref.accessCodeId), ACCESS_CODE_SORT_KEY, 'accessCode', ref),
    );
  }

  findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined> {
    return this.items.get<AccessCodeRef>(keys.accessCode(provider, accessCodeId), ACCESS_CODE_SORT_KEY);
  }
}

// `version` is the condition of every save (R9.1); the gsi1 keys place it in the byProperty index.
/** The stored form of a reservation; exported for bulk loads (bench). */
export function reservationItem(r: Reservation): Item {
  const index = reservationIndexKeys(r);
  return {
    ...item(keys.host(r.hostId), keys.reservation(r.reservationId), 'reservation', r),
    version: n(r.version),
    [BY_PROPERTY_INDEX.partitionKey]: s(index.byProperty.pk),
    [BY_PROPERTY_INDEX.sortKey]: s(index.byProperty.sk),
    // Filters a date-range listing on the window's start (pageReservations).
    activeFrom: n(r.code.activeFrom),
    // Sparse: only accepted stays are due for the healthcheck (R4.3).
    ...(index.byDue && {
      [BY_DUE_INDEX.partitionKey]: s(index.byDue.pk),
      [BY_DUE_INDEX.sortKey]: s(index.byDue.sk),
    }),
  };
}
