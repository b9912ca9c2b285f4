import type { Deps } from '../deps.ts';
import { poolSignals, poolSize } from './pool.ts';

export interface BackupPoolView {
  lockId: string;
  size: number;
  codes: { poolCodeId: string; name: string; status: string; issuedTo: string | null }[];
  signals: string[];
  events: { at: string; signal: string; active: boolean }[];
}

/** R6.4 as the host sees it; undefined for an unknown lock. Never a PIN (R9.4). */
export async function backupPoolView(
  deps: Deps,
  hostId: string,
  lockId: string,
): Promise<BackupPoolView | undefined> {
  const lock = await deps.locks.getLock(hostId, lockId);
  if (!lock) return undefined;
  const codes = await deps.pools.listPoolCodes(hostId, lockId);
  const health = await deps.pools.getPoolHealth(hostId, lockId);
  const size = poolSize(lock);
  return {
    lockId,
    size,
    codes: codes.map((c) => ({
      poolCodeId: c.poolCodeId,
      name: c.name,
      status: c.status,
      issuedTo: c.issuedTo?.reservationId ?? null,
    })),
    signals: poolSignals(codes, size),
    events: (health?.events ?? []).map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
  };
}
