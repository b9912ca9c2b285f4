import type { Deps } from '../deps.ts';
import { isOnline } from '../locks/device.ts';
import { allBackups } from '../messages/code-message-rule.ts';
import type { IssuedBackup, Reservation } from '../model.ts';
import { BACKUP_CHECK_LEAD } from '../reservations/entries.ts';
import { updateReservation } from '../reservations/update.ts';
import { toIso } from '../time/zoned.ts';
import { emitAccessMethod } from '../webhooks/emit-access-method.ts';
import { requestOfflineCode } from './offline-code.ts';
import { issuable, type PoolCode } from './pool.ts';
import { refillPool, refreshPoolHealth } from './pool-upkeep.ts';

// R4.3, R4.4, R6.2, R6.3: giving a guest a pool code when their own code cannot be confirmed set,
// taking it back when the own code turns up in time, and retiring it after the stay.

/**
 * Issues a backup on every lock in `atRisk` that has none yet, each from that lock's own pool (a
 * pool code works on its lock only), unless the property has backup codes disabled. Each claim is
 * one conditional write on the pool code (R6.1: no code is issued twice); a lost race tries the
 * next free code. A lock whose model computes offline codes gets one of those instead (R11.2);
 * `offline codes only` leaves the pool alone. Returns the first backup issued now, or the reservation's backup when every lock
 * at risk already holds one; undefined when none could be issued.
 */
export async function issueBackup(
  deps: Deps,
  r: Reservation,
  atRisk: readonly string[],
  from: 'offline codes or pool' | 'offline codes only' = 'offline codes or pool',
): Promise<IssuedBackup | undefined> {
  // R12.2: a staff code at risk alerts the host instead: pool codes are kept for guests, and an
  // offline code could not be taken back when the staff member is removed.
  if (r.staff) return undefined;
  const held = new Set(allBackups(r).map((b) => b.lockId));
  const missing = [...new Set(atRisk)].filter((lockId) => !held.has(lockId));
  if (missing.length === 0) return r.code.backup;
  const now = deps.clock.now();
  const claims: { backup: IssuedBackup; code?: PoolCode }[] = [];
  // R11.2: an offline code first, on locks whose model computes them; the pool for the rest.
  for (const lockId of missing) {
    const lock = await deps.locks.getLock(r.hostId, lockId);
    const backup = lock && (await requestOfflineCode(deps, r, lock, now));
    if (backup) claims.push({ backup });
  }
  const poolLocks = missing.filter((lockId) => !claims.some((c) => c.backup.lockId === lockId));
  const property =
    poolLocks.length > 0 && from === 'offline codes or pool'
      ? await deps.properties.getProperty(r.hostId, r.propertyId)
      : undefined;
  const usePool = from === 'offline codes or pool' && property?.settings.backupCodes;
  for (const lockId of usePool ? poolLocks : []) {
    const code = await claimFrom(deps, r, lockId, now);
    if (code)
      claims.push({ backup: { lockId, poolCodeId: code.poolCodeId, pin: code.pin, issuedAt: now }, code });
  }
  if (claims.length === 0) return undefined;
  let kept: IssuedBackup[] = [];
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    kept = [];
    if (fresh.status !== 'accepted') return false;
    const has = new Set(allBackups(fresh).map((b) => b.lockId));
    for (const { backup, code } of claims) {
      if (has.has(backup.lockId)) continue;
      addBackup(fresh, backup);
      fresh.timeline.push({
        at: now,
        event: code ? 'backup.issued' : 'offline_code.issued',
        lockId: backup.lockId,
        detail: code ? `pool code ${code.poolCodeId}` : `first use before ${toIso(firstUse(backup))}`,
      });
      kept.push(backup);
    }
    return kept.length > 0;
  });
  for (const { backup, code } of claims) {
    if (!code) continue; // an offline code touches no pool
    if (!kept.includes(backup)) await giveBack(deps, code);
    await refreshPoolHealth(deps, r.hostId, backup.lockId);
  }
  for (const backup of kept) {
    addBackup(r, backup);
    if (!backup.offline) deps.metrics.count('BackupsIssued');
    await emitAccessMethod(deps, r, 'access_method.reissued', backup); // R6.5
  }
  return kept[0];
}

const firstUse = (b: IssuedBackup): number => b.offline?.firstUseBy ?? b.issuedAt;

/** The first backup is the reservation's `backup`; further locks' go to `moreBackups`. */
function addBackup(r: Reservation, backup: IssuedBackup): void {
  if (!r.code.backup) r.code.backup = backup;
  else r.code.moreBackups = [...(r.code.moreBackups ?? []), backup];
}

async function claimFrom(
  deps: Deps,
  r: Reservation,
  lockId: string,
  now: number,
): Promise<PoolCode | undefined> {
  for (const code of issuable(await deps.pools.listPoolCodes(r.hostId, lockId))) {
    const claimed: PoolCode = {
      ...code,
      status: 'issued',
      issuedTo: { reservationId: r.reservationId, at: now, until: r.code.activeUntil },
      version: code.version + 1,
    };
    if (await deps.pools.savePoolCode(claimed, code.version)) return claimed;
  }
  return undefined;
}

async function giveBack(deps: Deps, claimed: PoolCode): Promise<void> {
  const { issuedTo: _, ...rest } = claimed;
  await deps.pools.savePoolCode({ ...rest, status: 'set', version: claimed.version + 1 }, claimed.version);
}

/**
 * The guest's own code was confirmed on every lock before any message carried the backup: the guest
 * is told their own code and the unused backup goes back to the pool (R6.2).
 */
export async function returnUnusedBackup(deps: Deps, r: Reservation): Promise<boolean> {
  // An offline code cannot be taken back (R11.3): it stays the door's code; pool codes go back.
  const backups = allBackups(r).filter((b) => !b.offline);
  const offline = allBackups(r).filter((b) => b.offline);
  if (backups.length === 0) return false;
  const allSet = r.code.locks.every((s) => s.status === 'set');
  const told = backups.some((b) => r.guestMessages?.some((m) => m.pin === b.pin && m.sent.length > 0));
  if (!allSet || told) return false;
  const now = deps.clock.now();
  const saved = await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    if (fresh.code.backup?.poolCodeId !== r.code.backup?.poolCodeId) return false;
    const kept = allBackups(fresh).filter((b) => b.offline);
    fresh.code.backup = kept[0];
    fresh.code.moreBackups = kept.length > 1 ? kept.slice(1) : undefined;
    for (const backup of backups) {
      fresh.timeline.push({
        at: now,
        event: 'backup.returned',
        lockId: backup.lockId,
        detail: 'own code confirmed',
      });
    }
    return true;
  });
  if (!saved) return false;
  for (const backup of backups) {
    const code = (await deps.pools.listPoolCodes(r.hostId, backup.lockId)).find(
      (c) => c.poolCodeId === backup.poolCodeId,
    );
    if (code?.status === 'issued' && code.issuedTo?.reservationId === r.reservationId)
      await giveBack(deps, code);
    await refreshPoolHealth(deps, r.hostId, backup.lockId);
  }
  r.code.backup = offline[0];
  r.code.moreBackups = offline.length > 1 ? offline.slice(1) : undefined;
  await emitAccessMethod(deps, r, 'access_method.reissued'); // R6.5: the own code again
  return true;
}

/** R6.3: after activeUntil each issued code is deleted and a fresh one takes its place. */
export async function retireBackup(deps: Deps, r: Reservation): Promise<void> {
  if (deps.clock.now() < r.code.activeUntil) return;
  for (const backup of allBackups(r)) await retireOne(deps, r, backup);
}

async function retireOne(deps: Deps, r: Reservation, backup: IssuedBackup): Promise<void> {
  const code = (await deps.pools.listPoolCodes(r.hostId, backup.lockId)).find(
    (c) => c.poolCodeId === backup.poolCodeId,
  );
  if (code?.status !== 'issued') return;
  const until = Math.min(code.issuedTo?.until ?? r.code.activeUntil, r.code.activeUntil);
  const expired: PoolCode = {
    ...code,
    issuedTo: { reservationId: r.reservationId, at: code.issuedTo?.at ?? 0, until },
    version: code.version + 1,
  };
  await deps.pools.savePoolCode(expired, code.version);
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    const retired = (t: { event: string; lockId?: string | undefined }) =>
      t.event === 'backup.retired' && t.lockId === backup.lockId;
    if (fresh.timeline.some(retired)) return false;
    fresh.timeline.push({ at: deps.clock.now(), event: 'backup.retired', lockId: backup.lockId });
    return true;
  });
  // The refill deletes expired issues and programs their replacements when the lock is online.
  await refillPool(deps, r.hostId, backup.lockId);
}

/**
 * R4.4: a code not yet set on a lock that is offline gets a backup now. Run at acceptance when
 * activeFrom is 36 hours away or less (the code message entry, due at once or later, carries it),
 * and by the 36-hours-before entry of a stay booked earlier.
 */
export async function backupIfOffline(deps: Deps, r: Reservation): Promise<IssuedBackup | undefined> {
  if (r.status !== 'accepted' || r.code.activeFrom - deps.clock.now() > BACKUP_CHECK_LEAD) return undefined;
  const atRisk: string[] = [];
  for (const state of r.code.locks) {
    if (state.status === 'set') continue;
    const lock = await deps.locks.getLock(r.hostId, state.lockId);
    if (!lock) continue;
    if (!(await isOnline(deps, lock, true))) atRisk.push(state.lockId);
  }
  return atRisk.length > 0 ? issueBackup(deps, r, atRisk) : undefined;
}
