import { issuable, type PoolCode } from '../backup/pool.ts';
import type { IssuedBackup, Reservation } from '../model.ts';
import { emitAccessMethod } from './access-method-webhook.ts';
import { refillPool, refreshPoolHealth } from './backup-pool.ts';
import type { Deps } from './deps.ts';
import { isOnline } from './lock-codes.ts';
import { updateReservation } from './update-reservation.ts';

// R4.3, R4.4, R6.2, R6.3: giving a guest a pool code when their own code cannot be confirmed set,
// taking it back when the own code turns up in time, and retiring it after the stay.

/** R4.4: how long before activeFrom an unset code on an offline lock gets a backup. */
export const BACKUP_CHECK_LEAD = 36 * 3_600_000;

/**
 * Issues a backup from the pool of the first lock in `atRisk` that has one free, unless the property
 * has backup codes disabled or the reservation already holds one. The claim is one conditional write
 * on the pool code (R6.1: no code is issued twice); a lost race tries the next free code.
 */
export async function issueBackup(
  deps: Deps,
  r: Reservation,
  atRisk: readonly string[],
): Promise<IssuedBackup | undefined> {
  if (r.code.backup) return r.code.backup;
  const property = await deps.store.getProperty(r.hostId, r.propertyId);
  if (!property?.settings.backupCodes) return undefined;
  const now = deps.clock.now();
  for (const lockId of atRisk) {
    const claimed = await claimFrom(deps, r, lockId, now);
    if (!claimed) continue;
    const backup: IssuedBackup = { lockId, poolCodeId: claimed.poolCodeId, pin: claimed.pin, issuedAt: now };
    let kept = false;
    await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
      if (fresh.code.backup || fresh.status !== 'accepted') return false;
      fresh.code.backup = backup;
      fresh.timeline.push({
        at: now,
        event: 'backup.issued',
        lockId,
        detail: `pool code ${claimed.poolCodeId}`,
      });
      kept = true;
      return true;
    });
    if (!kept) await giveBack(deps, claimed);
    await refreshPoolHealth(deps, r.hostId, lockId);
    r.code.backup = kept ? backup : undefined;
    if (kept) await emitAccessMethod(deps, r, 'access_method.reissued'); // R6.5
    return kept ? backup : undefined;
  }
  return undefined;
}

async function claimFrom(
  deps: Deps,
  r: Reservation,
  lockId: string,
  now: number,
): Promise<PoolCode | undefined> {
  for (const code of issuable(await deps.store.listPoolCodes(r.hostId, lockId))) {
    const claimed: PoolCode = {
      ...code,
      status: 'issued',
      issuedTo: { reservationId: r.reservationId, at: now, until: r.code.activeUntil },
      version: code.version + 1,
    };
    if (await deps.store.savePoolCode(claimed, code.version)) return claimed;
  }
  return undefined;
}

async function giveBack(deps: Deps, claimed: PoolCode): Promise<void> {
  const { issuedTo: _, ...rest } = claimed;
  await deps.store.savePoolCode({ ...rest, status: 'set', version: claimed.version + 1 }, claimed.version);
}

/**
 * The guest's own code was confirmed on every lock before any message carried the backup: the guest
 * is told their own code and the unused backup goes back to the pool (R6.2).
 */
export async function returnUnusedBackup(deps: Deps, r: Reservation): Promise<boolean> {
  const backup = r.code.backup;
  if (!backup) return false;
  const allSet = r.code.locks.every((s) => s.status === 'set');
  const told = r.guestMessages?.some((m) => m.pin === backup.pin && m.sent.length > 0) ?? false;
  if (!allSet || told) return false;
  const code = (await deps.store.listPoolCodes(r.hostId, backup.lockId)).find(
    (c) => c.poolCodeId === backup.poolCodeId,
  );
  const now = deps.clock.now();
  const saved = await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    if (fresh.code.backup?.poolCodeId !== backup.poolCodeId) return false;
    fresh.code.backup = undefined;
    fresh.timeline.push({
      at: now,
      event: 'backup.returned',
      lockId: backup.lockId,
      detail: 'own code confirmed',
    });
    return true;
  });
  if (!saved) return false;
  if (code?.status === 'issued' && code.issuedTo?.reservationId === r.reservationId)
    await giveBack(deps, code);
  await refreshPoolHealth(deps, r.hostId, backup.lockId);
  r.code.backup = undefined;
  await emitAccessMethod(deps, r, 'access_method.reissued'); // R6.5: the own code again
  return true;
}

/** R6.3: after activeUntil the issued code is deleted and a fresh one takes its place. */
export async function retireBackup(deps: Deps, r: Reservation): Promise<void> {
  const backup = r.code.backup;
  if (!backup || deps.clock.now() < r.code.activeUntil) return;
  const code = (await deps.store.listPoolCodes(r.hostId, backup.lockId)).find(
    (c) => c.poolCodeId === backup.poolCodeId,
  );
  if (code?.status !== 'issued') return;
  const until = Math.min(code.issuedTo?.until ?? r.code.activeUntil, r.code.activeUntil);
  const expired: PoolCode = {
    ...code,
    issuedTo: { reservationId: r.reservationId, at: code.issuedTo?.at ?? 0, until },
    version: code.version + 1,
  };
  await deps.store.savePoolCode(expired, code.version);
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    if (fresh.timeline.some((t) => t.event === 'backup.retired')) return false;
    fresh.timeline.push({ at: deps.clock.now(), event: 'backup.retired', lockId: backup.lockId });
    return true;
  });
  // The refill deletes expired issues and programs their replacements when the lock is online.
  await refillPool(deps, r.hostId, backup.lockId);
}

/**
 * R4.4: a code not yet set on a lock that is offline gets a backup now. Run at acceptance when
 * activeFrom is less than 36 hours away (the code message entry, due at once or later, carries it).
 */
export async function backupIfOffline(deps: Deps, r: Reservation): Promise<IssuedBackup | undefined> {
  if (r.code.activeFrom - deps.clock.now() >= BACKUP_CHECK_LEAD) return undefined;
  const atRisk: string[] = [];
  for (const state of r.code.locks) {
    if (state.status === 'set') continue;
    const lock = await deps.store.getLock(r.hostId, state.lockId);
    if (!lock) continue;
    if (!(await isOnline(deps, lock, true))) atRisk.push(state.lockId);
  }
  return atRisk.length > 0 ? issueBackup(deps, r, atRisk) : undefined;
}
