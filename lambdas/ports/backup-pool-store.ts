import type { PoolCode, PoolHealth } from '#core/backup/pool.ts';

/** Each lock's backup pool (R6) and its health signals; claims and health writes are conditional. */
export interface BackupPoolStore {
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
