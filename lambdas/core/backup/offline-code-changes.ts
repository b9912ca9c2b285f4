import type { Deps } from '../deps.ts';
import { loadLocks } from '../locks/load-locks.ts';
import { alertHostAboutReservation } from '../messages/alert-host.ts';
import { allBackups } from '../messages/code-message-rule.ts';
import { offlineCodeValidAlert } from '../messages/host-alert.ts';
import type { Instant, IssuedBackup, Reservation } from '../model.ts';

// R11.3: an offline code cannot be deleted. When the stay ends sooner than the code, the host is
// told; when the stay reaches outside the code's window, the door needs a new one.

/** Offline codes that still open the door after the stay's end (a cancellation, a shortening). */
export function offlineCodesOutlivingStay(r: Reservation): IssuedBackup[] {
  const end = r.status === 'cancelled' ? (r.cancelledAt ?? r.code.activeFrom) : r.code.activeUntil;
  return allBackups(r).filter((b) => b.offline && b.offline.endsAt > end);
}

/**
 * Pure, inside the change: offline codes whose window no longer covers the stay's (a move, an
 * extension) are taken off their doors, so the next check asks for a new one (R11.2). Returns the
 * doors that lost theirs.
 */
export function dropOutgrownOfflineCodes(r: Reservation, at: Instant): string[] {
  const outgrown = (b: IssuedBackup) =>
    b.offline !== undefined &&
    (r.code.activeFrom < b.offline.startsAt || r.code.activeUntil > b.offline.endsAt);
  const dropped = allBackups(r).filter(outgrown);
  if (dropped.length === 0) return [];
  const kept = allBackups(r).filter((b) => !outgrown(b));
  r.code.backup = kept[0];
  r.code.moreBackups = kept.length > 1 ? kept.slice(1) : undefined;
  for (const b of dropped) {
    r.timeline.push({
      at,
      event: 'offline_code.outgrown',
      lockId: b.lockId,
      detail: 'stay moved or extended',
    });
  }
  return dropped.map((b) => b.lockId);
}

/** Tells the host once per stay end which offline codes outlive it, and until when. */
export async function alertOfflineCodesOutliving(
  deps: Deps,
  r: Reservation,
  why: 'cancelled' | 'shortened',
): Promise<boolean> {
  const codes = offlineCodesOutlivingStay(r);
  if (codes.length === 0) return false;
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const locks = await loadLocks(
    deps,
    r.hostId,
    codes.map((c) => c.lockId),
  );
  const content = offlineCodeValidAlert({
    propertyName: property?.name ?? r.propertyId,
    guestName: r.guest.name,
    confirmationCode: r.confirmationCode,
    timeZone: property?.settings.timeZone ?? 'UTC',
    codes: codes.map((c) => ({
      lockName: locks.get(c.lockId)?.name ?? c.lockId,
      endsAt: c.offline?.endsAt ?? 0,
    })),
    why,
  });
  const end = r.status === 'cancelled' ? 'cancelled' : String(r.code.activeUntil);
  return alertHostAboutReservation(deps, r, 'offline_code_stays_valid', end, content);
}

/** Whether the change took an offline code off a door (then the door needs a new one). */
export function offlineCodesDropped(before: Reservation, after: Reservation): boolean {
  const kept = new Set(allBackups(after).map((b) => b.offline?.accessCodeId));
  return allBackups(before).some((b) => b.offline && !kept.has(b.offline.accessCodeId));
}
