import type { Instant, Lock, LockProviderName, Property, Reservation } from '#core/model.ts';

/** Where an access code created on a lock belongs, so provider webhooks can find it. */
export interface AccessCodeRef {
  provider: LockProviderName;
  accessCodeId: string;
  hostId: string;
  reservationId: string;
  lockId: string;
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

  getLockConnection(hostId: string, lockId: string): Promise<LockConnection | undefined>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion` (undefined: nothing stored);
   * false when another writer came first, so two deliveries of one event cannot both alert.
   */
  saveLockConnection(next: LockConnection, expectedVersion: number | undefined): Promise<boolean>;

  getHostContact(hostId: string): Promise<HostContact | undefined>;
  putHostContact(contact: HostContact): Promise<void>;

  putAccessCodeRef(ref: AccessCodeRef): Promise<void>;
  findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined>;
}
