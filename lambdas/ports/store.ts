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

  putAccessCodeRef(ref: AccessCodeRef): Promise<void>;
  findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined>;
}
