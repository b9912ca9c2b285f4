import type { Lock, LockProviderName } from '#core/model.ts';

export interface DeviceRef {
  provider: LockProviderName;
  deviceId: string;
  hostId: string;
  lockId: string;
}

/** The host's locks, and the device index that lets provider webhooks find them (R9.3). */
export interface LockStore {
  getLock(hostId: string, lockId: string): Promise<Lock | undefined>;
  /** Stores the lock and its device reference. */
  putLock(lock: Lock): Promise<void>;
  listLocks(hostId: string): Promise<Lock[]>;
  findDevice(provider: LockProviderName, deviceId: string): Promise<DeviceRef | undefined>;
}
