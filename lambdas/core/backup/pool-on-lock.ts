import type { Deps } from '../deps.ts';
import { LockProviderError } from '../errors.ts';
import type { Lock } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import type { PoolCode } from './pool.ts';

// Putting pool codes on the lock: the first request, and again after the lock lost them (R1.4).

/** Asks the provider for a permanent code (no window); the provider's confirmation makes it `set`. */
export async function requestPoolCode(deps: Deps, lock: Lock, code: PoolCode): Promise<void> {
  let next: PoolCode;
  try {
    const accessCodeId = await createOnLock(deps, lock, code);
    next = { ...code, status: 'requested', accessCodeId, version: code.version + 1 };
  } catch (error) {
    if (!(error instanceof LockProviderError)) throw error;
    next = { ...code, status: 'failed', version: code.version + 1 };
  }
  await deps.pools.savePoolCode(next, code.version);
}

/**
 * R1.4, R6.1, R6.3: pool codes the store counts as on the lock but the provider no longer lists (a
 * factory reset) are programmed again, within `free` slots; returns the slots used. An issued code
 * goes first and keeps its PIN and its guest: that guest was told it and it stays theirs until
 * their activeUntil, so it is restored for them, never handed out again. The others are asked
 * again as if new, so the pool's health counts them as unavailable until the lock confirms them.
 */
export async function restoreLostPoolCodes(
  deps: Deps,
  lock: Lock,
  codes: readonly PoolCode[],
  listed: ReadonlySet<string>,
  free: number,
): Promise<number> {
  const lost = codes.filter(
    (c) =>
      c.accessCodeId !== undefined &&
      !listed.has(c.accessCodeId) &&
      (c.status === 'issued' || c.status === 'set' || c.status === 'requested'),
  );
  const issuedFirst = [
    ...lost.filter((c) => c.status === 'issued'),
    ...lost.filter((c) => c.status !== 'issued'),
  ];
  let used = 0;
  for (const code of issuedFirst.slice(0, Math.max(0, free))) {
    // The lost id goes too, so a provider that still tracks it holds no ghost (as for guest codes).
    if (code.accessCodeId)
      await deps.lockProvider(lock.provider).deleteCode(lock.deviceId, code.accessCodeId);
    if (code.status === 'issued') await restoreIssued(deps, lock, code);
    else await requestPoolCode(deps, lock, code);
    used++;
  }
  return used;
}

/** The guest's backup goes back on the lock under a new id; it stays `issued` to that guest. */
async function restoreIssued(deps: Deps, lock: Lock, code: PoolCode): Promise<void> {
  let accessCodeId: string;
  try {
    accessCodeId = await createOnLock(deps, lock, code);
  } catch (error) {
    // Still missing on the provider's list, so the next refill (resync, reconnect, message) tries again.
    if (error instanceof LockProviderError) return;
    throw error;
  }
  if (!(await deps.pools.savePoolCode({ ...code, accessCodeId, version: code.version + 1 }, code.version)))
    return;
  const reservationId = code.issuedTo?.reservationId;
  if (!reservationId) return;
  const at = deps.clock.now();
  await updateReservation(deps, lock.hostId, reservationId, (r) => {
    r.timeline.push({ at, event: 'backup.restored', lockId: lock.lockId, detail: 'missing on the lock' });
    return true;
  });
}

async function createOnLock(deps: Deps, lock: Lock, code: PoolCode): Promise<string> {
  const { accessCodeId } = await deps
    .lockProvider(lock.provider)
    .createCode({ deviceId: lock.deviceId, code: code.pin, name: code.name });
  await deps.accessCodes.putAccessCodeRef({
    provider: lock.provider,
    accessCodeId,
    hostId: lock.hostId,
    reservationId: '',
    lockId: lock.lockId,
    poolCodeId: code.poolCodeId,
  });
  return accessCodeId;
}
