import { freeCodeSlots, lockConstraints } from '../codes/constraints.ts';
import { choosePin } from '../codes/pin.ts';
import type { Deps } from '../deps.ts';
import { isOnline, listCodes } from '../locks/device.ts';
import type { Instant, Lock, Property } from '../model.ts';
import { expiredIssues, nextPoolHealth, type PoolCode, poolCodeName, poolSize } from './pool.ts';
import { requestPoolCode, restoreLostPoolCodes } from './pool-on-lock.ts';

// R6.1–R6.4: keeping a lock's backup pool full while it is online, and its health signals.

/** What a caller of `refillPool` has read already in this invocation, so it is not read again. */
export interface KnownToRefill {
  lock?: Lock | undefined;
  /** A property the caller read, which may serve the lock. */
  property?: Property | undefined;
  /** The host's properties, listed at most once for all the refills of one invocation. */
  hostProperties?: (() => Promise<Property[]>) | undefined;
}

/** Lists the host's properties on the first call only: one invocation's refills share the listing. */
export function listedOnce(deps: Deps, hostId: string): () => Promise<Property[]> {
  let listed: Promise<Property[]> | undefined;
  return () => {
    listed ??= deps.properties.listProperties(hostId);
    return listed;
  };
}

/**
 * Programs the lock's missing pool codes when it is matched and online (R1.2, R6.2), after retiring
 * issued codes whose reservation ended (R6.3). Pool codes count against the lock's code limit and
 * never equal any code on the lock, any other pool code or a live guest's PIN (R6.1).
 */
export async function refillPool(
  deps: Deps,
  hostId: string,
  lockId: string,
  known: KnownToRefill = {},
): Promise<void> {
  const lock = known.lock ?? (await deps.locks.getLock(hostId, lockId));
  if (!lock) return;
  const size = poolSize(lock);
  if (size === 0) return;
  // A host may have hundreds of properties: they are listed only when the known one cannot tell
  // whether the lock gives backups out, or when new codes must avoid the guests' PINs.
  const hostProperties = known.hostProperties ?? listedOnce(deps, hostId);
  const servingProperties = async () => (await hostProperties()).filter((p) => p.lockIds.includes(lockId));
  const knownGivesBackups = known.property?.lockIds.includes(lockId) && known.property.settings.backupCodes;
  // A pool only takes code slots where a property it serves gives backups out.
  if (!knownGivesBackups && !(await servingProperties()).some((p) => p.settings.backupCodes)) return;
  if (await isOnline(deps, lock, false))
    await fill(deps, lock, size, async () => (await servingProperties()).map((p) => p.propertyId));
  await refreshPoolHealth(deps, hostId, lockId, lock);
}

async function fill(
  deps: Deps,
  lock: Lock,
  size: number,
  servingPropertyIds: () => Promise<string[]>,
): Promise<void> {
  const now = deps.clock.now();
  const provider = deps.lockProvider(lock.provider);
  let codes = await deps.pools.listPoolCodes(lock.hostId, lock.lockId);
  const expired = expiredIssues(codes, now);
  for (const used of expired) await retirePoolCode(deps, lock, used);
  if (expired.length > 0) codes = await deps.pools.listPoolCodes(lock.hostId, lock.lockId);
  const onDevice = await listCodes(deps, lock);
  const constraints = lockConstraints(lock);
  let free = freeCodeSlots(constraints, onDevice.length);
  // R1.4: what a reset took off the lock comes back before anything new is added.
  free -= await restoreLostPoolCodes(deps, lock, codes, new Set(onDevice.map((c) => c.accessCodeId)), free);
  // Codes chosen but never asked (a run that stopped) or refused are asked again first.
  for (const code of codes.filter((c) => c.status === 'pending' || c.status === 'failed')) {
    if (code.status === 'failed' && code.accessCodeId)
      await provider.deleteCode(lock.deviceId, code.accessCodeId);
    else if (free-- <= 0) continue;
    await requestPoolCode(deps, lock, code);
  }
  let missing = size - codes.length;
  if (missing <= 0 || free <= 0) return;
  // Only a new code must avoid the live guests' PINs: their reservations are read for it alone.
  const propertyIds = await servingPropertyIds();
  const guests = (
    await Promise.all(propertyIds.map((id) => deps.reservations.listReservations(lock.hostId, id, now)))
  ).flat();
  const taken = new Set([
    ...onDevice.map((c) => c.code),
    ...codes.map((c) => c.pin),
    ...guests.map((r) => r.code.pin),
  ]);
  const names = new Set([...onDevice.map((c) => c.name), ...codes.map((c) => c.name)]);
  for (; missing > 0 && free > 0; missing--, free--) {
    const pin = choosePin({
      locks: [constraints],
      takenCodes: [...taken],
      source: 'random',
      random: deps.random,
    }).pin;
    const name = poolCodeName(names);
    taken.add(pin);
    names.add(name);
    const code: PoolCode = {
      hostId: lock.hostId,
      lockId: lock.lockId,
      poolCodeId: deps.newId(),
      pin,
      name,
      status: 'pending',
      createdAt: now,
      version: 1,
    };
    if (await deps.pools.savePoolCode(code, undefined)) await requestPoolCode(deps, lock, code);
  }
}

/** R6.3: a used code leaves the lock and the pool; it is never issued again. */
export async function retirePoolCode(deps: Deps, lock: Lock, code: PoolCode): Promise<void> {
  if (code.accessCodeId) await deps.lockProvider(lock.provider).deleteCode(lock.deviceId, code.accessCodeId);
  await deps.pools.deletePoolCode(code.hostId, code.lockId, code.poolCodeId);
}

/** The provider confirmed or refused a pool code (R4.2 holds for pool codes too). */
export async function recordPoolCodeEvent(
  deps: Deps,
  ref: { hostId: string; lockId: string; poolCodeId: string; accessCodeId: string },
  outcome: 'set' | 'failed',
  at: Instant,
): Promise<'recorded' | 'ignored'> {
  const codes = await deps.pools.listPoolCodes(ref.hostId, ref.lockId);
  const code = codes.find((c) => c.poolCodeId === ref.poolCodeId);
  if (!code || code.accessCodeId !== ref.accessCodeId || code.status !== 'requested') return 'ignored';
  const next: PoolCode = {
    ...code,
    status: outcome,
    ...(outcome === 'set' ? { setAt: at } : {}),
    version: code.version + 1,
  };
  if (!(await deps.pools.savePoolCode(next, code.version))) return 'ignored';
  await refreshPoolHealth(deps, ref.hostId, ref.lockId);
  return 'recorded';
}

/** R6.4: recomputed after every change of the pool; a raise or a clear is kept as an event. */
export async function refreshPoolHealth(
  deps: Deps,
  hostId: string,
  lockId: string,
  known?: Lock,
): Promise<void> {
  const lock = known ?? (await deps.locks.getLock(hostId, lockId));
  if (!lock) return;
  for (let tries = 0; tries < 3; tries++) {
    const previous = await deps.pools.getPoolHealth(hostId, lockId);
    const codes = await deps.pools.listPoolCodes(hostId, lockId);
    const next = nextPoolHealth(previous, { hostId, lockId }, codes, poolSize(lock), deps.clock.now());
    if (!next || (await deps.pools.savePoolHealth(next, previous?.version))) return;
  }
}
