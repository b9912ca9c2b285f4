import type { GuestMessageRecord, IssuedBackup, Reservation } from '../model.ts';

// R5.1: whether the guest gets Lockstep's code message, and R8.2: whether the code failed.

/** Timeline events that mean an attempt to set the code was rejected or failed. */
const FAILURE_EVENTS = new Set(['code.attempt_failed', 'code.failed_on_lock']);

export interface CodeProblems {
  /** Locks where an attempt was rejected or failed at any time. */
  failedAttempts: string[];
  /** Locks offline now. */
  offline: string[];
  backupIssued: boolean;
}

export function codeProblems(
  r: Reservation,
  offline: readonly string[],
  backupIssued: boolean,
): CodeProblems {
  const failed = new Set<string>();
  for (const state of r.code.locks) {
    if (state.status === 'failed' || state.lastError !== undefined) failed.add(state.lockId);
  }
  for (const entry of r.timeline) {
    if (FAILURE_EVENTS.has(entry.event) && entry.lockId) failed.add(entry.lockId);
  }
  const ours = new Set(r.code.locks.map((s) => s.lockId));
  return {
    failedAttempts: [...failed],
    offline: offline.filter((id) => ours.has(id)),
    backupIssued,
  };
}

/** A message the guest received that carried this PIN (a shortcode message, or an earlier code message). */
export function deliveredWithPin(r: Reservation, pin: string): GuestMessageRecord | undefined {
  return r.guestMessages?.find((m) => m.pin === pin && m.sent.length > 0);
}

export type CodeMessageDecision = { send: true; why: string } | { send: false; why: string };

/** R5.1: send when the code had a problem, or when no message has given the guest this code yet. */
export function decideCodeMessage(r: Reservation, pin: string, problems: CodeProblems): CodeMessageDecision {
  const issues = [
    ...(problems.backupIssued ? ['a backup code was issued'] : []),
    ...problems.failedAttempts.map((lockId) => `an attempt failed on lock ${lockId}`),
    ...problems.offline.map((lockId) => `lock ${lockId} is offline`),
  ];
  if (issues.length > 0) return { send: true, why: issues.join('; ') };
  const earlier = deliveredWithPin(r, pin);
  if (!earlier) return { send: true, why: 'the code was not sent in another message' };
  return {
    send: false,
    why: `the code went out in a ${earlier.kind === 'host' ? 'host message' : 'code message'} at ${new Date(earlier.at).toISOString()}`,
  };
}

/**
 * R8.2: locks the code is not working on at message time with no backup to fall back on: its
 * attempt failed, or the lock is offline without the code. A code merely requested (a lock that
 * programs ten minutes ahead) is not a failure.
 */
export function locksWithoutCode(r: Reservation, offline: readonly string[]): string[] {
  return r.code.locks
    .filter((s) => s.status === 'failed' || (offline.includes(s.lockId) && s.status !== 'set'))
    .map((s) => s.lockId);
}

/** Every backup the reservation holds, one per lock: the first issued, then the others (R4.4, R6). */
export function allBackups(r: Reservation): IssuedBackup[] {
  return r.code.backup ? [r.code.backup, ...(r.code.moreBackups ?? [])] : [];
}

/** The PIN that opens `lockId` for this guest: that lock's backup when it has one, else the own PIN. */
export function pinOnLock(r: Reservation, lockId: string): string {
  return allBackups(r).find((b) => b.lockId === lockId)?.pin ?? r.code.pin;
}

/** The code the guest should use now, as messages name it: an issued backup replaces the PIN (R5.5, R6). */
export function currentCode(r: Reservation): { pin: string; isBackup: boolean } {
  return r.code.backup ? { pin: r.code.backup.pin, isBackup: true } : { pin: r.code.pin, isBackup: false };
}
