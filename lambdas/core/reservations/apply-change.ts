import type { CodeWindow, Instant, Reservation, ReservationDetails } from '../model.ts';
import {
  addLock,
  type CodeToDelete,
  detachLock,
  isProvisioningTarget,
  replacePin,
  resetToPending,
} from '../provisioning/code-on-lock.ts';
import type { NativeOf } from '../removal/removal-times.ts';
import { programmingTime } from '../time/timeline.ts';

// R7.1: a modified reservation, written onto the stored one. Pure: it runs inside
// `updateReservation`'s change and may run again on a fresh copy; the provider calls it asks for
// are made after the write.

/** The event is not newer than what the reservation already reflects: it changes nothing (R9.1). */
export function isStaleEvent(r: Pick<Reservation, 'lastEventAt'>, occurredAt: Instant): boolean {
  return r.lastEventAt !== undefined && occurredAt <= r.lastEventAt;
}

export interface ReservationChange {
  details: ReservationDetails;
  window: CodeWindow;
  /** The locks of the reservation's (possibly new) property. */
  lockIds: readonly string[];
  nativeOf: NativeOf;
  /** A new PIN, when the current one does not fit the new property's locks (R3.3). */
  replacement?: { replaces: string; pin: string } | undefined;
  /** The channel event's `occurred_at`; absent for a host's settings change, which follows no event order. */
  occurredAt?: Instant | undefined;
  /** The timeline event; `reservation.modified` unless given. */
  event?: string | undefined;
  now: Instant;
}

/** A code already on (or sent to) a lock. */
export type CodeOnLock = CodeToDelete;

export interface ChangeEffects {
  changed: boolean;
  windowMoved: boolean;
  /** A lock joined, left, or has to be set again: provisioning is planned anew. */
  locksChanged: boolean;
  /** Codes on natively-scheduling locks whose window is changed on the device. */
  toUpdate: CodeOnLock[];
  toDelete: CodeToDelete[];
}

const NOTHING: ChangeEffects = {
  changed: false,
  windowMoved: false,
  locksChanged: false,
  toUpdate: [],
  toDelete: [],
};

/**
 * The newest version of the reservation wins: its stay, guest and property replace the stored ones;
 * locks that no longer serve it lose the code (R1.3) and the new property's locks get it (R1.2).
 * A cancelled reservation stays cancelled.
 */
export function applyChange(r: Reservation, c: ReservationChange): ChangeEffects {
  if (r.status !== 'accepted' || (c.occurredAt !== undefined && isStaleEvent(r, c.occurredAt)))
    return NOTHING;
  const { now } = c;
  const effects: ChangeEffects = {
    changed: true,
    windowMoved: r.code.activeFrom !== c.window.activeFrom || r.code.activeUntil !== c.window.activeUntil,
    locksChanged: false,
    toUpdate: [],
    toDelete: [],
  };
  const fromProperty = r.propertyId;
  const { propertyId, channel, confirmationCode, guest, checkIn, checkOut } = c.details;
  Object.assign(r, { propertyId, channel, confirmationCode, guest, checkIn, checkOut });
  r.code.activeFrom = c.window.activeFrom;
  r.code.activeUntil = c.window.activeUntil;
  if (c.occurredAt !== undefined) r.lastEventAt = c.occurredAt;
  const event = c.event ?? 'reservation.modified';
  r.timeline.push({ at: now, event, detail: describe(effects, fromProperty, r) });

  const moved = fromProperty !== r.propertyId;
  const reason = moved
    ? `reservation moved to property ${r.propertyId}`
    : `lock no longer serves ${r.propertyId}`;
  for (const s of r.code.locks.filter(isProvisioningTarget)) {
    if (c.lockIds.includes(s.lockId)) continue;
    effects.toDelete.push(...detachLock(r, s.lockId, now, reason).toDelete);
    effects.locksChanged = true;
  }
  // A stay already over gets no new codes; its deletion entry takes what is left (R7.2).
  if (c.window.activeUntil <= now) return effects;
  for (const lockId of c.lockIds) effects.locksChanged = addLock(r, lockId, now) || effects.locksChanged;
  if (c.replacement && r.code.pin === c.replacement.replaces) {
    const why = `PIN not valid or already taken on the locks of ${r.propertyId}`;
    effects.toDelete.push(...replacePin(r, c.replacement.pin, now, why));
    effects.locksChanged = true;
  }
  if (effects.windowMoved) moveWindow(r, c.nativeOf, now, effects);
  return effects;
}

/**
 * A lock that schedules natively gets the new window and counts as set again once it confirms it
 * (R4.2). A lock that cannot hold a window keeps a code already working, unless the stay moved so
 * far that the code would open the door before its programming time: then it comes off until then.
 */
function moveWindow(r: Reservation, nativeOf: NativeOf, now: Instant, effects: ChangeEffects): void {
  for (const s of r.code.locks.filter(isProvisioningTarget)) {
    if (!s.accessCodeId || (s.status !== 'requested' && s.status !== 'set')) continue;
    const native = nativeOf(s.lockId);
    if (native === undefined) continue;
    if (native) {
      s.status = 'requested';
      effects.toUpdate.push({ lockId: s.lockId, accessCodeId: s.accessCodeId });
      r.timeline.push({ at: now, event: 'code.window_update_requested', lockId: s.lockId });
    } else if (programmingTime(r.code, false, now) > now) {
      const old = resetToPending(s);
      if (old) effects.toDelete.push({ lockId: s.lockId, accessCodeId: old });
      effects.locksChanged = true;
      r.timeline.push({
        at: now,
        event: 'code.removal_requested',
        lockId: s.lockId,
        detail: 'window moved later',
      });
    }
  }
}

/** What changed, for the host's timeline (R8.1); never the PIN (R9.4). */
function describe(effects: ChangeEffects, fromProperty: string, r: Reservation): string {
  const parts: string[] = [];
  if (effects.windowMoved) {
    const iso = (t: Instant) => new Date(t).toISOString();
    parts.push(`window ${iso(r.code.activeFrom)} – ${iso(r.code.activeUntil)}`);
  }
  if (fromProperty !== r.propertyId) parts.push(`property ${fromProperty} → ${r.propertyId}`);
  return parts.length > 0 ? parts.join('; ') : 'details only';
}
