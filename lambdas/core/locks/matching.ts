import { refillPool, refreshPoolHealth, retirePoolCode } from '../backup/pool-upkeep.ts';
import { lockConstraints, pinViolations } from '../codes/constraints.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { announceReplacedPin } from '../messages/new-pin-follow-up.ts';
import type { Instant, Lock, Property, Reservation } from '../model.ts';
import {
  addLock,
  type CodeToDelete,
  detachLock,
  isProvisioningTarget,
  markRemoving,
  ownAccessCodeIds,
  replacePin,
  targetState,
} from '../provisioning/code-on-lock.ts';
import { carryOut, notePlan, type ProvisioningPlan, provisioningPlan } from '../provisioning/plan.ts';
import { replacementPin } from '../provisioning/taken-codes.ts';
import { deleteCodes, recordRefusedDeletions } from '../removal/delete-codes.ts';
import { isLive, liveReservations } from '../reservations/live.ts';
import { updateReservation } from '../reservations/update.ts';
import { listCodes } from './device.ts';
import { loadLocks } from './load-locks.ts';

// R1.1–R1.3: matching a lock to a property and unmatching it. Both are safe to repeat: a retried
// request finishes what an interrupted one started. Resync (R1.4) is in resync.ts.

export async function ownPropertyAndLock(
  deps: Deps,
  hostId: string,
  propertyId: string,
  lockId: string,
): Promise<{ property: Property; lock: Lock }> {
  const property = await deps.properties.getProperty(hostId, propertyId);
  if (!property) throw new NotFoundError('property', 'propertyId');
  const lock = await deps.locks.getLock(hostId, lockId);
  if (!lock) throw new NotFoundError('lock', 'lockId');
  return { property, lock };
}

/** R1.1 and R1.2: the lock serves the property, and every live reservation's code goes onto it. */
export async function matchLock(
  deps: Deps,
  hostId: string,
  propertyId: string,
  lockId: string,
): Promise<Property> {
  const { property, lock } = await ownPropertyAndLock(deps, hostId, propertyId, lockId);
  const matched = property.lockIds.includes(lockId)
    ? property
    : { ...property, lockIds: [...property.lockIds, lockId] };
  if (matched !== property) await deps.properties.putProperty(matched);
  await addLockToReservations(deps, matched, lock);
  await refillPool(deps, hostId, lockId); // R1.2, R6.2
  return matched;
}

async function addLockToReservations(deps: Deps, property: Property, lock: Lock): Promise<void> {
  const now = deps.clock.now();
  const { hostId, propertyId } = property;
  const live = await liveReservations(deps, hostId, propertyId, now);
  const waiting = live.filter((r) => !targetState(r, lock.lockId));
  if (waiting.length === 0) return;
  const byId = await loadLocks(deps, hostId, property.lockIds);
  const onNewLock = await listCodes(deps, lock);
  const constraints = lockConstraints(lock);
  // Every code a replacement must avoid, grown as replacements are chosen (R3.3).
  let pool: Set<string> | undefined;
  for (const r of waiting) {
    const own = ownAccessCodeIds(r);
    const fits =
      pinViolations(r.code.pin, constraints).length === 0 &&
      !onNewLock.some((c) => c.code === r.code.pin && !own.has(c.accessCodeId));
    let replacement: ReturnType<typeof replacementPin> | undefined;
    if (!fits) {
      pool ??= await pinPool(deps, [...byId.values()], live);
      const codeLocks = r.code.locks.filter(isProvisioningTarget).map((s) => s.lockId);
      replacement = replacementPin(deps, r, property, getAll(byId, [...codeLocks, lock.lockId]), pool);
      if (replacement.pin) pool.add(replacement.pin);
    }
    const reason = `PIN not valid or already taken on newly matched lock ${lock.lockId}`;
    await changeAndProvision(deps, r, byId, { kind: 'match', lockId: lock.lockId, at: now }, (fresh, out) => {
      if (!isLive(fresh, now) || !addLock(fresh, lock.lockId, now)) return false;
      if (replacement?.pin && fresh.code.pin === r.code.pin) {
        out.toDelete = replacePin(fresh, replacement.pin, now, reason);
      } else if (replacement?.problem) {
        fresh.timeline.push({
          at: now,
          event: 'code.pin_not_replaced',
          lockId: lock.lockId,
          detail: replacement.problem,
        });
      }
      return true;
    });
  }
}

async function pinPool(
  deps: Deps,
  locks: readonly Lock[],
  live: readonly Reservation[],
): Promise<Set<string>> {
  const onLocks = (await Promise.all(locks.map((l) => listCodes(deps, l)))).flat();
  return new Set([...onLocks.map((c) => c.code).filter((c) => c !== ''), ...live.map((r) => r.code.pin)]);
}

const getAll = (byId: ReadonlyMap<string, Lock>, ids: readonly string[]): Lock[] =>
  [...new Set(ids)].map((id) => byId.get(id)).filter((l): l is Lock => l !== undefined);

/**
 * R1.3: the property's guests lose the lock: codes already sent there are deleted and none are
 * sent any more. When no property of the host uses the lock, every other code Lockstep created on
 * it goes too; codes Lockstep did not create are never touched.
 */
export async function unmatchLock(
  deps: Deps,
  hostId: string,
  propertyId: string,
  lockId: string,
): Promise<Property> {
  const { property, lock } = await ownPropertyAndLock(deps, hostId, propertyId, lockId);
  const unmatched = { ...property, lockIds: property.lockIds.filter((id) => id !== lockId) };
  if (unmatched.lockIds.length !== property.lockIds.length) await deps.properties.putProperty(unmatched);
  const now = deps.clock.now();
  const byId = new Map([[lockId, lock]]);
  const reason = `lock unmatched from ${propertyId}`;
  for (const r of await liveReservations(deps, hostId, propertyId, now)) {
    await changeAndDelete(deps, r, byId, now, (fresh) => detachLock(fresh, lockId, now, reason));
  }
  const stillServes = (await deps.properties.listProperties(hostId)).some(
    (p) => p.propertyId !== propertyId && p.lockIds.includes(lockId),
  );
  if (!stillServes) {
    await removeLockstepCodes(deps, hostId, lock, now);
    // The backup pool is Lockstep's too (R1.3, R6.1): it leaves with the guests' codes.
    for (const code of await deps.pools.listPoolCodes(hostId, lockId)) await retirePoolCode(deps, lock, code);
    await refreshPoolHealth(deps, hostId, lockId);
  }
  return unmatched;
}

/** Every code on the device that Lockstep's store knows as this host's, by access code id. */
async function removeLockstepCodes(deps: Deps, hostId: string, lock: Lock, now: Instant): Promise<void> {
  const byReservation = new Map<string, string[]>();
  for (const code of await listCodes(deps, lock)) {
    const ref = await deps.accessCodes.findAccessCode(lock.provider, code.accessCodeId);
    if (!ref || ref.hostId !== hostId || ref.lockId !== lock.lockId) continue;
    byReservation.set(ref.reservationId, [
      ...(byReservation.get(ref.reservationId) ?? []),
      code.accessCodeId,
    ]);
  }
  const byId = new Map([[lock.lockId, lock]]);
  for (const [reservationId, ids] of byReservation) {
    const r = await deps.reservations.getReservation(hostId, reservationId);
    if (!r) continue;
    await changeAndDelete(deps, r, byId, now, (fresh) => {
      const marked = ids.map((id) => markRemoving(fresh, id, now, 'lock matched to no property'));
      // Retired or already-removing codes are deleted too, with nothing to record.
      return {
        changed: marked.some(Boolean),
        toDelete: ids.map((accessCodeId) => ({ lockId: lock.lockId, accessCodeId })),
      };
    });
  }
}

/** Writes a change that retires codes, then deletes them; the state says `removing` first, so R7.2 can retry. */
async function changeAndDelete(
  deps: Deps,
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  now: Instant,
  change: (fresh: Reservation) => { changed: boolean; toDelete: CodeToDelete[] },
): Promise<void> {
  let toDelete: CodeToDelete[] = [];
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    const result = change(fresh);
    toDelete = result.toDelete;
    return result.changed;
  });
  const refused = await deleteCodes(deps, toDelete, locks);
  if (refused.length > 0)
    await updateReservation(deps, r.hostId, r.reservationId, (f) => recordRefusedDeletions(f, refused, now));
}

interface ChangeOutput {
  toDelete: CodeToDelete[];
}

/**
 * Writes a change that puts a lock back to `pending` for a reservation, deletes the codes it
 * superseded, and gets provisioning going (at once, or at the programming time).
 */
export async function changeAndProvision(
  deps: Deps,
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  cause: { kind: 'match' | 'resync'; lockId: string; at: Instant },
  change: (fresh: Reservation, out: ChangeOutput) => boolean,
): Promise<boolean> {
  const out: ChangeOutput & { changed: boolean; plan: ProvisioningPlan } = {
    toDelete: [],
    changed: false,
    plan: { kind: 'none' },
  };
  const saved = await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    out.toDelete = [];
    out.changed = change(fresh, out);
    if (!out.changed) return false;
    out.plan = provisioningPlan(fresh, locks, cause.at);
    notePlan(
      fresh,
      out.plan,
      `lock ${cause.lockId} ${cause.kind === 'match' ? 'matched' : 'resynced'}`,
      cause.at,
    );
    return true;
  });
  if (!out.changed || !saved) return false;
  const refused = await deleteCodes(deps, out.toDelete, locks);
  if (refused.length > 0)
    await updateReservation(deps, r.hostId, r.reservationId, (f) =>
      recordRefusedDeletions(f, refused, cause.at),
    );
  await carryOut(deps, saved, out.plan, cause);
  await announceReplacedPin(deps, r, saved);
  return true;
}
