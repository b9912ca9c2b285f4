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
  keys,
  reservationIndexKeys,
  sortKeyPrefix,
} from '../common/store-keys.ts';
import { type CapacityMeter, unmetered } from './capacity.ts';
import { listByProperty, listDue, pageByProperty } from './memory-reservation-queries.ts';
import { entityOf, MemoryTable, type Row } from './memory-table.ts';

/** The condition of a versioned write: nothing stored when `expected` is undefined, else that version. */
const atVersion = (expected: number | undefined) => (stored: Row | undefined) =>
  expected === undefined ? stored === undefined : stored?.version === expected;

/**
 * Every store port in memory, keyed and ordered as the DynamoDB table is (store-keys.ts), with the
 * same conditional writes: what DynamoStore does against DynamoDB, without a database. Entities are
 * kept as the JSON text DynamoStore writes, so each read is a fresh copy, as from DynamoDB.
 */
export class MemoryStore implements EveryStore {
  private readonly table: MemoryTable;

  /** `meter` hears of each call DynamoStore would make, with its capacity units. */
  constructor(meter: CapacityMeter = unmetered) {
    this.table = new MemoryTable(meter);
  }

  async getProperty(hostId: string, propertyId: string): Promise<Property | undefined> {
    return this.table.get<Property>(keys.host(hostId), keys.property(propertyId));
  }

  async putProperty(property: Property): Promise<void> {
    this.table.put({
      pk: keys.host(property.hostId),
      sk: keys.property(property.propertyId),
      kind: 'property',
      entity: property,
    });
  }

  async listProperties(hostId: string): Promise<Property[]> {
    return this.table.query<Property>(keys.host(hostId), sortKeyPrefix.property);
  }

  async getLock(hostId: string, lockId: string): Promise<Lock | undefined> {
    return this.table.get<Lock>(keys.host(hostId), keys.lock(lockId));
  }

  async putLock(lock: Lock): Promise<void> {
    const ref = deviceRefOf(lock);
    // As on DynamoDB: a device id may not move to another host (R9.3); the error names no owner.
    const registered = this.table.putIf(
      {
        pk: keys.device(lock.provider, lock.deviceId),
        sk: DEVICE_SORT_KEY,
        kind: 'device',
        entity: ref,
        attributes: { hostId: lock.hostId },
      },
      (stored) => stored === undefined || entityOf<DeviceRef>(stored).hostId === lock.hostId,
    );
    if (!registered) throw new ConflictError(`device ${lock.provider}/${lock.deviceId} cannot be registered`);
    this.table.put({ pk: keys.host(lock.hostId), sk: keys.lock(lock.lockId), kind: 'lock', entity: lock });
  }

  async listLocks(hostId: string): Promise<Lock[]> {
    return this.table.query<Lock>(keys.host(hostId), sortKeyPrefix.lock);
  }

  async findDevice(provider: LockProviderName, deviceId: string): Promise<DeviceRef | undefined> {
    return this.table.get<DeviceRef>(keys.device(provider, deviceId), DEVICE_SORT_KEY);
  }

  async getReservation(hostId: string, reservationId: string): Promise<Reservation | undefined> {
    return this.table.get<Reservation>(keys.host(hostId), keys.reservation(reservationId));
  }

  async createReservation(reservation: Reservation): Promise<void> {
    if (!this.table.putIf(reservationRow(reservation), (stored) => stored === undefined))
      throw new ConflictError(`reservation ${reservation.reservationId} exists`);
  }

  async saveReservation(reservation: Reservation, expectedVersion: number): Promise<void> {
    // Also refused when nothing is stored, so a save never creates a reservation.
    if (!this.table.putIf(reservationRow(reservation), atVersion(expectedVersion)))
      throw new StaleWriteError(
        `reservation ${reservation.reservationId} is no longer at version ${expectedVersion}`,
      );
  }

  async listReservations(hostId: string, propertyId: string, endingAfter = 0): Promise<Reservation[]> {
    return listByProperty(this.table, hostId, propertyId, endingAfter);
  }

  async pageReservations(
    hostId: string,
    propertyId: string,
    query: ReservationQuery,
  ): Promise<ReservationPage> {
    return pageByProperty(this.table, hostId, propertyId, query);
  }

  async listDueReservations(shard: number, from: Instant, to: Instant): Promise<Reservation[]> {
    return listDue(this.table, shard, from, to);
  }

  async getLockConnection(hostId: string, lockId: string): Promise<LockConnection | undefined> {
    return this.table.get<LockConnection>(keys.host(hostId), keys.lockConnection(lockId));
  }

  async saveLockConnection(next: LockConnection, expectedVersion: number | undefined): Promise<boolean> {
    const row = {
      pk: keys.host(next.hostId),
      sk: keys.lockConnection(next.lockId),
      kind: 'lockConnection',
      entity: next,
    };
    return this.table.putIf({ ...row, version: next.version }, atVersion(expectedVersion));
  }

  async listPoolCodes(hostId: string, lockId: string): Promise<PoolCode[]> {
    return this.table.query<PoolCode>(keys.host(hostId), keys.poolOfLock(lockId));
  }

  async savePoolCode(code: PoolCode, expectedVersion: number | undefined): Promise<boolean> {
    const row = {
      pk: keys.host(code.hostId),
      sk: keys.poolCode(code.lockId, code.poolCodeId),
      kind: 'poolCode',
      entity: code,
    };
    return this.table.putIf({ ...row, version: code.version }, atVersion(expectedVersion));
  }

  async deletePoolCode(hostId: string, lockId: string, poolCodeId: string): Promise<void> {
    this.table.delete(keys.host(hostId), keys.poolCode(lockId, poolCodeId));
  }

  async getPoolHealth(hostId: string, lockId: string): Promise<PoolHealth | undefined> {
    return this.table.get<PoolHealth>(keys.host(hostId), keys.poolHealth(lockId));
  }

  async savePoolHealth(health: PoolHealth, expectedVersion: number | undefined): Promise<boolean> {
    const row = {
      pk: keys.host(health.hostId),
      sk: keys.poolHealth(health.lockId),
      kind: 'poolHealth',
      entity: health,
    };
    return this.table.putIf({ ...row, version: health.version }, atVersion(expectedVersion));
  }

  async putLockAccount(account: LockAccount): Promise<void> {
    this.table.put({
      pk: keys.host(account.hostId),
      sk: keys.lockAccount(account.provider),
      kind: 'lockAccount',
      entity: account,
    });
  }

  async listLockAccounts(hostId: string): Promise<LockAccount[]> {
    return this.table.query<LockAccount>(keys.host(hostId), sortKeyPrefix.lockAccount);
  }

  async getHostContact(hostId: string): Promise<HostContact | undefined> {
    return this.table.get<HostContact>(keys.host(hostId), CONTACT_SORT_KEY);
  }

  async putHostContact(contact: HostContact): Promise<void> {
    this.table.put({
      pk: keys.host(contact.hostId),
      sk: CONTACT_SORT_KEY,
      kind: 'hostContact',
      entity: contact,
    });
  }

  async putAccessCodeRef(ref: AccessCodeRef): Promise<void> {
    this.table.put({
      pk: keys.accessCode(ref.provider, ref.accessCodeId),
      sk: ACCESS_CODE_SORT_KEY,
      kind: 'accessCode',
      entity: ref,
    });
  }

  async findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined> {
    return this.table.get<AccessCodeRef>(keys.accessCode(provider, accessCodeId), ACCESS_CODE_SORT_KEY);
  }
}

// `version` is the condition of every save (R9.1); the index keys place it in byProperty and byDue.
function reservationRow(r: Reservation) {
  return {
    pk: keys.host(r.hostId),
    sk: keys.reservation(r.reservationId),
    kind: 'reservation',
    entity: r,
    version: r.version,
    indexes: reservationIndexKeys(r),
    // DynamoStore keeps it top-level to filter a date-range listing on.
    attributes: { activeFrom: r.code.activeFrom },
  };
}
