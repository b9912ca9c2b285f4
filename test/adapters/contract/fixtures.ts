import type { PoolCode, PoolHealth } from '#core/backup/pool.ts';
import type { Instant, Reservation } from '#core/model.ts';
import type { LockConnection } from '#ports/lock-connection-store.ts';
import { reservation } from '../aws/fixtures.ts';

// Entities for the contract beside those of ../aws/fixtures.ts (which are adapter-neutral too).

export const day = (d: number, hour = 0) => Date.UTC(2026, 6, d, hour);

/** A stay whose code window is [activeFrom, activeUntil). */
export function stay(
  hostId: string,
  id: string,
  activeFrom: Instant,
  activeUntil: Instant,
  more: Partial<Reservation> = {},
): Reservation {
  const r = reservation(hostId, id);
  return { ...r, ...more, code: { ...r.code, activeFrom, activeUntil } };
}

export const connection = (version: number, since = 100, hostId = 'h1'): LockConnection => ({
  hostId,
  lockId: 'front',
  online: false,
  since,
  alertedAt: since + 1,
  version,
});

export const poolCode = (poolCodeId: string, lockId = 'front', hostId = 'h1'): PoolCode => ({
  hostId,
  lockId,
  poolCodeId,
  pin: '480513',
  name: 'Backup 1',
  status: 'set',
  createdAt: 1,
  version: 1,
});

/** The pool code given to a guest: one write on the version it was read at (R6.2). */
export const claimed = (code: PoolCode, reservationId: string): PoolCode => ({
  ...code,
  status: 'issued',
  issuedTo: { reservationId, at: 2, until: 3 },
  version: code.version + 1,
});

export const poolHealth = (version: number, available = 0, hostId = 'h1'): PoolHealth => ({
  hostId,
  lockId: 'front',
  size: 5,
  available,
  issued: 0,
  failed: 0,
  active: available === 0 ? ['empty_backup_access_code_pool'] : [],
  events: [{ at: 1, signal: 'empty_backup_access_code_pool', active: available === 0 }],
  version,
});
