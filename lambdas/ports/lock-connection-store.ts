import type { Instant } from '#core/model.ts';

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

/** Each lock's last reported connection (R8.2); writes are conditional so one outage alerts once. */
export interface LockConnectionStore {
  getLockConnection(hostId: string, lockId: string): Promise<LockConnection | undefined>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion` (undefined: nothing stored);
   * false when another writer came first, so two deliveries of one event cannot both alert.
   */
  saveLockConnection(next: LockConnection, expectedVersion: number | undefined): Promise<boolean>;
}
