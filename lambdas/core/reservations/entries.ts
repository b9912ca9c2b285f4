import { createHash } from 'node:crypto';
import type { CodeWindow, EntryKind, Instant, Lock, Reservation, ScheduledEntry } from '../model.ts';
import { staffRemovalDueAt } from '../removal/removal-times.ts';
import { deletionAt, messageAt, provisionAt } from '../time/timeline.ts';

// R2.4: each reservation has one scheduled entry per kind, named so a change moves the same entry.

/** Stable, ≤ 64 characters of [a-z0-9-] whatever the ids contain (EventBridge Scheduler's rule). */
export function entryName(kind: EntryKind, hostId: string, reservationId: string): string {
  const digest = createHash('sha256').update(`${hostId}\u0000${reservationId}`).digest('hex');
  return `${kind}-${digest.slice(0, 40)}`;
}

/** The reservation's one entry of this kind, at `at`: scheduling it again moves it. */
export const reservationEntry = (
  kind: EntryKind,
  at: Instant,
  r: Pick<Reservation, 'hostId' | 'reservationId'>,
): ScheduledEntry => ({
  name: entryName(kind, r.hostId, r.reservationId),
  kind,
  at,
  hostId: r.hostId,
  reservationId: r.reservationId,
});

/** R4.4: how long before activeFrom an unset code on an offline lock gets a backup. */
export const BACKUP_CHECK_LEAD = 36 * 3_600_000;

/**
 * R4.4: the 36-hours-before backup check's instant, for a stay that far ahead; undefined when
 * activeFrom is 36 hours away or less (the check then runs at once, at acceptance or change).
 */
export function backupCheckAt(window: Pick<CodeWindow, 'activeFrom'>, now: Instant): Instant | undefined {
  const at = window.activeFrom - BACKUP_CHECK_LEAD;
  return at > now ? at : undefined;
}

/** R7.2's deletion entry: at the first lock's removal time (a staff code's come earlier, R12.2). */
function deleteAt(window: CodeWindow, native: readonly boolean[]): Instant {
  if (window.opensAtActiveFrom) {
    const code = { status: 'accepted' as const, code: window };
    return Math.min(...[true, ...native].map((n) => staffRemovalDueAt(code, n)));
  }
  return native.includes(false) ? window.activeUntil : deletionAt(window);
}

/**
 * The entries of an accepted reservation: provisioning (R2.3), message (R5.1), deletion (R7.2), and
 * when the property gives backup codes and the stay is far enough ahead, the 36-hours-before backup
 * check (R4.4). The deletion entry fires first at activeUntil when a lock cannot enforce the window
 * itself (removal.ts).
 */
export function acceptedEntries(
  r: Pick<Reservation, 'hostId' | 'reservationId'>,
  window: CodeWindow,
  locks: readonly Pick<Lock, 'nativeScheduling'>[],
  now: Instant,
  backups = false,
): ScheduledEntry[] {
  const native = locks.map((l) => l.nativeScheduling);
  const check = backups ? backupCheckAt(window, now) : undefined;
  return [
    reservationEntry('provision', provisionAt(window, native, now), r),
    reservationEntry('message', messageAt(window, now), r),
    reservationEntry('delete', deleteAt(window, native), r),
    ...(check !== undefined ? [reservationEntry('backup-check', check, r)] : []),
  ];
}
