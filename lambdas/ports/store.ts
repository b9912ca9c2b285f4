import type { PoolCode, PoolHealth } from '#core/backup/pool.ts';
import type { Instant, Lock, LockProviderName, Property, Reservation } from '#core/model.ts';

/** Where an access code created on a lock belongs, so provider webhooks can find it. */
export interface AccessCodeRef {
  provider: LockProviderName;
  accessCodeId: string;
  hostId: string;
  reservationId: string;
  lockId: string;
  /** Set when the code is a backup pool code of the lock (R6), not a reservation's code. */
  poolCodeId?: string | undefined;
}

export interface DeviceRef {
  provider: LockProviderName;
  deviceId: string;
  hostId: string;
  lockId: string;
}

/** A lock's connection as its provider last reported it (R8.2), one small item per lock. */
export interface LockConnection {
  hostId: string;
  lockId: string;
  online: boolean;
  /** When the provider reported the current state. */
  since: Instant;
  /** When the alert for the current outage was claimed; one alert per outage. */
  alertedAt?: Instant | undefined;
  /** Bumped on every write; writes are conditional on it. */
  version: number;
}

export interface ReservationQuery {
  from?: Instant | undefined;
  to?: Instant | undefined;
  limit: number;
  /** Opaque, from the previous page; one that is not a cursor of this store is a ValidationError. */
  cursor?: string | undefined;
}

export interface ReservationPage {
  reservations: Reservation[];
  cursor?: string | undefined;
}

/** A lock provider account the host connected; one per provider. */
export interface LockAccount {
  hostId: string;
  provider: LockProviderName;
  connectedAt: Instant;
}

/** Where the host's alert emails go (R8.2). */
export interface HostContact {
  hostId: string;
  alertEmail: string;
}

/**
 * Lockstep's state. Every key carries the host id (R9.3). Reservation writes are conditional on
 * the version read, so a stale writer fails with StaleWriteError instead of overwriting (R9.1).
 */
export interface Store {
  getProperty(hostId: string, propertyId: string): Promise<Property | undefined>;
  putProperty(property: Property): Promise<void>;
  listProperties(hostId: string): Promise<Property[]>;

  getLock(hostId: string, lockId: string): Promise<Lock | undefined>;
  /** Stores the lock and its device reference. */
  putLock(lock: Lock): Promise<void>;
  listLocks(hostId: string): Promise<Lock[]>;
  findDevice(provider: LockProviderName, deviceId: string): Promise<DeviceRef | undefined>;

  getReservation(hostId: string, reservationId: string): Promise<Reservation | undefined>;
  /** Writes version 1; fails with ConflictError when the reservation exists. */
  createReservation(reservation: Reservation): Promise<void>;
  /** Writes `reservation` (its version already bumped) only if the stored version is `expectedVersion`. */
  saveReservation(reservation: Reservation, expectedVersion: number): Promise<void>;
  /** The property's reservations whose code window ends at or after `endingAfter` (all when absent). */
  listReservations(hostId: string, propertyId: string, endingAfter?: Instant): Promise<Reservation[]>;

  /**
   * One page of the property's reservations whose code window overlaps [from, to), ordered by the
   * window's end; `cursor` continues after the previous page (absent on the last one).
   */
  pageReservations(hostId: string, propertyId: string, query: ReservationQuery): Promise<ReservationPage>;

  getLockConnection(hostId: string, lockId: string): Promise<LockConnection | undefined>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion` (undefined: nothing stored);
   * false when another writer came first, so two deliveries of one event cannot both alert.
   */
  saveLockConnection(next: LockConnection, expectedVersion: number | undefined): Promise<boolean>;

  putLockAccount(account: LockAccount): Promise<void>;
  listLockAccounts(hostId: string): Promise<LockAccount[]>;

  getHostContact(hostId: string): Promise<HostContact | undefined>;
  putHostContact(contact: HostContact): Promise<void>;

  putAccessCodeRef(ref: AccessCodeRef): Promise<void>;
  findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined>;

  /** Accepted reservations of one `byDue` shard whose activeFrom is in [from, to] (R4.3), by Query only. */
  listDueReservations(shard: number, from: Instant, to: Instant): Promise<Reservation[]>;

  /** The lock's backup pool (R6.1), issued codes included. */
  listPoolCodes(hostId: string, lockId: string): Promise<PoolCode[]>;
  /**
   * Writes `code` only if the stored version is still `expectedVersion` (undefined: nothing stored);
   * false when another writer came first. Claiming a code for a guest is this one conditional write.
   */
  savePoolCode(code: PoolCode, expectedVersion: number | undefined): Promise<boolean>;
  deletePoolCode(hostId: string, lockId: string, poolCodeId: string): Promise<void>;
  getPoolHealth(hostId: string, lockId: string): Promise<PoolHealth | undefined>;
  /** Conditional on the version read, like savePoolCode. */
  savePoolHealth(health: PoolHealth, expectedVersion: number | undefined): Promise<boolean>;
}
