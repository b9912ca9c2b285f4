import { LOCK_MODEL_PROFILES } from '../codes/constraints.ts';
import type { Instant, Lock } from '../model.ts';

// R6: a lock's pool of permanent backup codes, and its health signals (R6.4). Pure rules.

export const DEFAULT_POOL_SIZE = 5;

/**
 * `pending`: chosen, not yet asked of the provider; `requested`: asked, unconfirmed (R4.2);
 * `set`: confirmed on the lock and free to issue; `failed`: the lock refused it; `issued`: given to a guest.
 */
export type PoolCodeStatus = 'pending' | 'requested' | 'set' | 'failed' | 'issued';

/** One backup code of a lock. `pin` is stored like a reservation's code, never logged (R9.4). */
export interface PoolCode {
  hostId: string;
  lockId: string;
  poolCodeId: string;
  pin: string;
  name: string;
  status: PoolCodeStatus;
  accessCodeId?: string | undefined;
  createdAt: Instant;
  setAt?: Instant | undefined;
  /** The reservation holding it and until when (its activeUntil, R6.3). */
  issuedTo?: { reservationId: string; at: Instant; until: Instant } | undefined;
  /** Bumped on every write; writes (and so claims) are conditional on it. */
  version: number;
}

export const POOL_SIGNALS = [
  'empty_backup_access_code_pool',
  'partial_backup_access_code_pool',
  'many_active_backup_codes',
] as const;
export type PoolSignal = (typeof POOL_SIGNALS)[number];

/** What R6.4 reports per lock: the signals active now and the history of raising and clearing them. */
export interface PoolHealth {
  hostId: string;
  lockId: string;
  size: number;
  available: number;
  issued: number;
  failed: number;
  active: PoolSignal[];
  events: { at: Instant; signal: PoolSignal; active: boolean }[];
  version: number;
}

/** R6.1: the pool size of a lock; 0 when its model (or the lock itself) cannot keep a pool. */
export function poolSize(lock: Pick<Lock, 'model' | 'supportsBackupPool' | 'backupPoolSize'>): number {
  const profile = LOCK_MODEL_PROFILES[lock.model] ?? LOCK_MODEL_PROFILES.generic;
  const supported = lock.supportsBackupPool ?? profile.supportsBackupPool;
  if (!supported) return 0;
  const size = lock.backupPoolSize ?? DEFAULT_POOL_SIZE;
  return Number.isInteger(size) && size > 0 ? size : 0;
}

/** R6.4 over the pool as stored. */
export function poolSignals(codes: readonly PoolCode[], size: number): PoolSignal[] {
  if (size === 0) return [];
  const count = (status: PoolCodeStatus) => codes.filter((c) => c.status === status).length;
  const signals: PoolSignal[] = [];
  if (count('set') === 0) signals.push('empty_backup_access_code_pool');
  if (count('failed') > 0) signals.push('partial_backup_access_code_pool');
  if (count('issued') > 0.75 * size) signals.push('many_active_backup_codes');
  return signals;
}

/** The next health item, or undefined when nothing changed; each raise and clear becomes an event. */
export function nextPoolHealth(
  previous: PoolHealth | undefined,
  key: { hostId: string; lockId: string },
  codes: readonly PoolCode[],
  size: number,
  at: Instant,
): PoolHealth | undefined {
  const active = poolSignals(codes, size);
  const was = new Set(previous?.active ?? []);
  const now = new Set(active);
  const events = [
    ...[...now].filter((s) => !was.has(s)).map((signal) => ({ at, signal, active: true })),
    ...[...was].filter((s) => !now.has(s)).map((signal) => ({ at, signal, active: false })),
  ];
  const counts = {
    size,
    available: codes.filter((c) => c.status === 'set').length,
    issued: codes.filter((c) => c.status === 'issued').length,
    failed: codes.filter((c) => c.status === 'failed').length,
  };
  const same =
    previous !== undefined &&
    events.length === 0 &&
    previous.size === counts.size &&
    previous.available === counts.available &&
    previous.issued === counts.issued &&
    previous.failed === counts.failed;
  if (same) return undefined;
  return {
    ...key,
    ...counts,
    active,
    events: [...(previous?.events ?? []), ...events],
    version: (previous?.version ?? 0) + 1,
  };
}

/** Codes free to issue, oldest first (deterministic). */
export const issuable = (codes: readonly PoolCode[]): PoolCode[] =>
  codes
    .filter((c) => c.status === 'set')
    .sort((a, b) => a.createdAt - b.createdAt || (a.poolCodeId < b.poolCodeId ? -1 : 1));

/** Issued codes whose reservation's window has ended (R6.3). */
export const expiredIssues = (codes: readonly PoolCode[], now: Instant): PoolCode[] =>
  codes.filter((c) => c.status === 'issued' && c.issuedTo !== undefined && c.issuedTo.until <= now);

/** A short name unique among the lock's names ("Backup 3"): fits every model's 12-character limit. */
export function poolCodeName(taken: ReadonlySet<string>): string {
  for (let k = 1; ; k++) if (!taken.has(`Backup ${k}`)) return `Backup ${k}`;
}
