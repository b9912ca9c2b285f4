import type { CodeWindow, Instant, Lock, LockCodeState, Reservation } from '../model.ts';
import type { CodeToDelete } from '../provisioning/code-on-lock.ts';
import {
  DAY,
  DEVICE_PROGRAMMING_LEAD,
  deletionAfterCancellation,
  deletionAt,
  HOUR,
} from '../time/timeline.ts';

// R7.2 and R7.3: when a reservation's code leaves each lock, and how the deletion entry retries.
// Pure: `markDueRemovals` runs inside `updateReservation`'s change, which may run again on a fresh copy.

/** Whether a lock stores time-bound codes itself; undefined for a lock no longer in the store. */
export type NativeOf = (lockId: string) => boolean | undefined;

export const nativeOf =
  (locks: ReadonlyMap<string, Pick<Lock, 'nativeScheduling'>>): NativeOf =>
  (lockId) =>
    locks.get(lockId)?.nativeScheduling;

type Timing = Pick<Reservation, 'status' | 'cancelledAt' | 'code' | 'staff'>;

/** First retry of an unconfirmed removal; each later one waits as long as the removal has been pending. */
export const REMOVAL_RETRY_MIN = HOUR;
export const REMOVAL_RETRY_MAX = DAY;

/**
 * R7.2: a day after activeUntil, or a day after the cancellation (never later than the stay's own
 * deletion: cancelling a finished stay does not keep its code longer). A lock without native
 * scheduling would keep a code working past activeUntil (R2.1), so there it goes at activeUntil at the latest.
 */
export function removalDueAt(r: Timing, nativeScheduling: boolean): Instant {
  if (r.staff) return staffRemovalDueAt(r, nativeScheduling);
  const completed = deletionAt(r.code);
  const r72 =
    r.status === 'cancelled' && r.cancelledAt !== undefined
      ? Math.min(completed, deletionAfterCancellation(r.cancelledAt))
      : completed;
  return nativeScheduling ? r72 : Math.min(r72, r.code.activeUntil);
}

/**
 * R12.2: a staff code leaves the locks when its window ends, and at once when it is cancelled (its
 * staff member, property or turnover gone): no day of grace, since the next guest's window begins.
 * A lock that cannot enforce the window loses it ten minutes early, so it is gone (confirmed) before
 * the guest arrives, as the guest's own code arrives ten minutes early there (R2.3).
 */
export function staffRemovalDueAt(
  r: Pick<Reservation, 'status' | 'cancelledAt'> & { code: CodeWindow },
  native: boolean,
): Instant {
  const end = native
    ? r.code.activeUntil
    : Math.max(r.code.activeFrom, r.code.activeUntil - DEVICE_PROGRAMMING_LEAD);
  const cancelled = r.status === 'cancelled' && r.cancelledAt !== undefined;
  return cancelled ? Math.min(r.cancelledAt ?? end, end) : end;
}

/** The provider may hold a Lockstep code of this reservation on the lock. */
export const holdsCode = (s: LockCodeState): boolean =>
  s.accessCodeId !== undefined && s.status !== 'removed';

/** An unconfirmed removal is looked at again after this: 1 h, then doubling, at most a day apart. */
export function removalRetryAt(s: LockCodeState, now: Instant): Instant {
  const waited = now - (s.removalRequestedAt ?? now);
  return now + Math.min(REMOVAL_RETRY_MAX, Math.max(REMOVAL_RETRY_MIN, waited));
}

/**
 * When the reservation's deletion entry should next fire: the earliest lock whose code is not due
 * yet, or the retry of a removal not yet confirmed. Undefined when nothing is left to remove. With
 * no lock known, R7.2's instant itself, so a lock matched later is still covered.
 */
export function deletionEntryAt(r: Timing, nativeOf: NativeOf, now: Instant): Instant | undefined {
  const candidates: Instant[] = [];
  for (const s of r.code.locks) {
    const native = nativeOf(s.lockId);
    if (native === undefined || s.status === 'removed') continue;
    if (s.status === 'removing') {
      if (s.accessCodeId) candidates.push(removalRetryAt(s, now));
      continue;
    }
    const due = removalDueAt(r, native);
    if (due > now) candidates.push(due);
    else if (holdsCode(s)) candidates.push(now);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  const r72 = removalDueAt(r, true);
  return r.code.locks.length === 0 && r72 > now ? r72 : undefined;
}

/** A removal on this lock is due or waiting for its confirmation (R7.3's reconnect cleanup). */
export function removalPendingOn(r: Timing, lockId: string, native: boolean, now: Instant): boolean {
  return r.code.locks.some(
    (s) => s.lockId === lockId && holdsCode(s) && (s.status === 'removing' || removalDueAt(r, native) <= now),
  );
}

export interface DueRemovals {
  changed: boolean;
  /** Codes to delete now: due for the first time. */
  requests: CodeToDelete[];
  /** Removals asked for before and not confirmed: look again, and ask again if the provider lost them. */
  retries: CodeToDelete[];
}

/**
 * Write-ahead: every code whose time has come becomes `removing` before the provider is asked, so
 * a crash between the two is finished by the next run, and a provisioning attempt racing with it
 * finds the lock no longer a target and deletes what it created (provisioning.ts `record`).
 */
export function markDueRemovals(r: Reservation, nativeOf: NativeOf, now: Instant): DueRemovals {
  const result: DueRemovals = { changed: false, requests: [], retries: [] };
  for (const s of r.code.locks) {
    const native = nativeOf(s.lockId);
    if (native === undefined || !holdsCode(s) || !s.accessCodeId) continue;
    const code = { lockId: s.lockId, accessCodeId: s.accessCodeId };
    if (s.status === 'removing') {
      result.retries.push(code);
      // Removals asked for elsewhere (R1.3, a property change) start their back-off here.
      if (s.removalRequestedAt === undefined) {
        s.removalRequestedAt = now;
        result.changed = true;
      }
      continue;
    }
    if (removalDueAt(r, native) > now) continue;
    s.status = 'removing';
    s.removalRequestedAt = now;
    r.timeline.push({
      at: now,
      event: 'code.removal_requested',
      lockId: s.lockId,
      detail: dueReason(r, native),
    });
    result.requests.push(code);
    result.changed = true;
  }
  return result;
}

function dueReason(r: Timing, native: boolean): string {
  if (r.status === 'cancelled') return 'reservation cancelled';
  return native ? 'stay over' : 'stay over (lock cannot enforce the window)';
}

/** The provider no longer knows the code (a status read): the removal is confirmed (R7.3). */
export function confirmRemoved(r: Reservation, code: CodeToDelete, now: Instant): boolean {
  const s = r.code.locks.find((l) => l.lockId === code.lockId && l.accessCodeId === code.accessCodeId);
  if (s?.status !== 'removing') return false;
  s.status = 'removed';
  s.removedAt = now;
  r.timeline.push({
    at: now,
    event: 'code.removed_from_lock',
    lockId: s.lockId,
    detail: 'confirmed by status read',
  });
  return true;
}
