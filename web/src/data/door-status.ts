import type { AccessView, LockCodeStatus, TimelineEvent } from '../api/types.ts';
import { plural } from '../format.ts';
import { lockFailureLabel } from './lock-failures.ts';
import { ALERT_KIND_LABELS } from './timeline-events.ts';

// R13.2: what a guest's code is doing on each door, and whether the guest will get in.

export type DoorState = 'set' | 'pending' | 'failed' | 'backup' | 'offline-code' | 'offline' | 'removed';

export const DOOR_STATE_LABELS: Record<DoorState, string> = {
  set: 'Set',
  pending: 'Pending',
  failed: 'Failed',
  backup: 'Backup issued',
  'offline-code': 'Offline code',
  offline: 'Lock offline',
  removed: 'Removed',
};

/** Doors whose pool code went to the guest and is still theirs (R4.4, R6.3). */
export function doorsWithBackup(timeline: readonly TimelineEvent[]): Set<string> {
  const doors = new Set<string>();
  for (const entry of timeline) {
    if (!entry.lockId) continue;
    if (entry.event === 'backup.issued') doors.add(entry.lockId);
    if (entry.event === 'backup.returned' || entry.event === 'backup.retired') doors.delete(entry.lockId);
  }
  return doors;
}

/**
 * One door's state. An offline code is the guest's code for that door whatever the lock later
 * confirms (R11.2), so it is said first; a confirmed code is set even if the lock went offline since
 * (the PIN is on the device); otherwise a backup code covers it, and an offline lock is said before
 * a refusal.
 */
export function doorState(
  status: LockCodeStatus,
  hasBackup: boolean,
  online: boolean | undefined,
  hasOfflineCode: boolean,
): DoorState {
  if (status === 'removing' || status === 'removed') return 'removed';
  if (hasOfflineCode) return 'offline-code';
  if (status === 'set') return 'set';
  if (hasBackup) return 'backup';
  if (online === false) return 'offline';
  return status === 'failed' ? 'failed' : 'pending';
}

export type Verdict = 'ready' | 'in-progress' | 'attention';

/** A guest needs attention when a door failed or is offline with no backup, or there is no door at all. */
export function verdictOf(states: readonly DoorState[]): Verdict {
  if (states.length === 0 || states.some((s) => s === 'failed' || s === 'offline' || s === 'removed'))
    return 'attention';
  return states.some((s) => s === 'pending') ? 'in-progress' : 'ready';
}

export interface Door {
  lockId: string;
  lockName: string;
  state: DoorState;
  attempts: number;
  lastError: string | undefined;
  /** When Lockstep tries this door again, as its workflow planned (R4.1); absent mid-attempt. */
  nextAttemptAt: string | undefined;
  /** An offline code's limit: the lock refuses it if it is not used before then (R11.3). */
  firstUseBefore: string | undefined;
}

/** The door as the board reads it from the access view's entry for that lock. */
export function doorOf(
  l: AccessView['code']['locks'][number],
  lockName: string,
  hasBackup: boolean,
  online: boolean | undefined,
): Door {
  return {
    lockId: l.lockId,
    lockName,
    state: doorState(l.status, hasBackup, online, l.offlineCode === true),
    attempts: l.attempts,
    lastError: l.lastError,
    nextAttemptAt: l.nextAttemptAt,
    firstUseBefore: l.firstUseBefore,
  };
}

/** "first use before Wed, Dec 3, 5:00 PM" for an offline code (R11.3); empty for other doors. */
export const firstUseNote = (door: Pick<Door, 'firstUseBefore'>, when: (at: string) => string) =>
  door.firstUseBefore ? `first use before ${when(door.firstUseBefore)}` : '';

/** What Lockstep is doing about each problem, from the reservation's own record (R4.1, R4.4, R8.2). */
export function lockstepActions(
  view: AccessView,
  doors: readonly Door[],
  when: (at: string) => string,
): string[] {
  const actions: string[] = [];
  const stopped = view.timeline.some((t) => t.event === 'provisioning.stopped');
  for (const door of doors) {
    const refused = door.lastError ? ` (${lockFailureLabel(door.lastError)})` : '';
    const next = door.nextAttemptAt
      ? `next attempt ${when(door.nextAttemptAt)}`
      : 'Lockstep retries until the code is set';
    if (door.state === 'failed')
      actions.push(
        stopped
          ? `${door.lockName}: gave up, the code window ended before the lock confirmed`
          : `${door.lockName} refused ${plural(door.attempts, 'attempt')}${refused}; ${next}`,
      );
    if (door.state === 'offline-code')
      actions.push(
        `${door.lockName}: the guest has an offline code, which the lock checks unconnected${door.firstUseBefore ? `; ${firstUseNote(door, when)}` : ''}`,
      );
    if (door.state === 'offline')
      actions.push(
        `${door.lockName} is offline: the code goes on when it reconnects${door.nextAttemptAt ? `; ${next}` : ', retried meanwhile'}`,
      );
  }
  // Not a problem, but what comes next for a code not yet attempted: the programming time (R2.3).
  const programming = view.timeline.findLast((t) => t.event === 'schedule.provision')?.detail;
  const waiting = doors.filter((d) => d.state === 'pending' && d.attempts === 0);
  const firstAttempt = waiting.map((d) => d.nextAttemptAt).find(Boolean) ?? programming;
  if (waiting.length > 0 && firstAttempt) actions.push(`The code goes on the locks ${when(firstAttempt)}`);
  if (view.backup.issued) {
    // The message that carried the doors' fallback codes: pool codes, offline codes or both (R4.4, R11.2).
    const offlineOnly =
      doors.some((d) => d.state === 'offline-code') && !doors.some((d) => d.state === 'backup');
    const what = offlineOnly ? 'Offline code' : 'Backup code';
    actions.push(`${what} sent to the guest${view.backup.at ? ` ${when(view.backup.at)}` : ''}`);
  }
  for (const alert of view.timeline.filter((t) => t.event === 'host.alert_sent')) {
    const kind = ALERT_KIND_LABELS[alert.detail as keyof typeof ALERT_KIND_LABELS] ?? 'a problem';
    actions.push(`You were alerted by email${alert.at ? ` ${when(alert.at)}` : ''}: ${kind}`);
  }
  if (doors.length === 0) actions.push('No lock is matched to this property: match one in Locks');
  return actions;
}
