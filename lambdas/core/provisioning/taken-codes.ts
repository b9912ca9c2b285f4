import { lockConstraints } from '../codes/constraints.ts';
import { choosePin } from '../codes/pin.ts';
import type { Deps } from '../deps.ts';
import { NoValidPinError } from '../errors.ts';
import { listCodes } from '../locks/device.ts';
import type { Lock, Property, Reservation } from '../model.ts';
import { liveReservations } from '../reservations/live.ts';
import { ownAccessCodeIds } from './code-on-lock.ts';

export interface CodesOnLocks {
  codes: string[];
  names: string[];
  /** The property's live reservations, whose codes are on (or bound for) these locks. */
  reservations: Reservation[];
}

/**
 * Every code and name a new code must not collide with (R3.3, R3.4): what the providers report on
 * the locks, plus the codes of the property's live reservations not yet set there.
 */
export async function codesOnLocks(
  deps: Deps,
  hostId: string,
  propertyId: string,
  locks: readonly Lock[],
): Promise<CodesOnLocks> {
  const onDevices = await Promise.all(locks.map((l) => deps.lockProvider(l.provider).listCodes(l.deviceId)));
  const reservations = (
    await deps.reservations.listReservations(hostId, propertyId, deps.clock.now())
  ).filter((r) => r.status === 'accepted');
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const code of onDevices.flat()) {
    codes.add(code.code);
    names.add(code.name);
  }
  // R6.1: pool codes, even those not yet on the lock, are never a guest's PIN.
  for (const lock of locks) {
    for (const c of await deps.pools.listPoolCodes(hostId, lock.lockId)) codes.add(c.pin);
  }
  for (const r of reservations) {
    codes.add(r.code.pin);
    names.add(r.code.name);
  }
  return { codes: [...codes], names: [...names], reservations };
}

/** Codes and names a code of `r` must not collide with: on the locks, and the property's other live codes. */
export async function takenByOthers(
  deps: Deps,
  r: Reservation,
  locks: readonly Lock[],
): Promise<{ codes: Set<string>; names: Set<string>; others: Reservation[] }> {
  const own = ownAccessCodeIds(r);
  const onLocks = (await Promise.all(locks.map((l) => listCodes(deps, l)))).flat();
  const others = (await liveReservations(deps, r.hostId, r.propertyId, deps.clock.now())).filter(
    (o) => o.reservationId !== r.reservationId,
  );
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const c of onLocks) {
    // The rejected PIN stays taken even on our own codes; only our own name is free to reuse.
    if (c.code) codes.add(c.code);
    if (!own.has(c.accessCodeId)) names.add(c.name);
  }
  for (const o of others) {
    codes.add(o.code.pin);
    names.add(o.code.name);
  }
  return { codes, names, others };
}

/**
 * R3.3: a PIN valid on every lock and equal to none of `taken` nor to the current PIN (a lock may
 * hide the PINs it holds, so the one it refused is named explicitly). Undefined, with the reason
 * for the timeline, when no PIN can exist; the caller keeps retrying under R4.1.
 */
export function replacementPin(
  deps: Pick<Deps, 'random'>,
  r: Reservation,
  property: Property | undefined,
  locks: readonly Lock[],
  taken: Iterable<string>,
): { pin: string; problem?: undefined } | { pin?: undefined; problem: string } {
  try {
    const choice = choosePin({
      locks: locks.map(lockConstraints),
      takenCodes: [...taken, r.code.pin],
      source: property?.settings.codeSource ?? 'random',
      phone: r.guest.phone,
      random: deps.random,
    });
    return { pin: choice.pin };
  } catch (error) {
    if (error instanceof NoValidPinError) return { problem: error.message };
    throw error;
  }
}
