import { allBackups } from '#core/messages/code-message-rule.ts';
import type { Instant, Reservation } from '#core/model.ts';
import { needsAttempt } from '#core/provisioning/code-on-lock.ts';

const iso = (t: Instant | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

/**
 * R11.3: the door's code is an offline code: when it was issued, the window it opens in (it cannot
 * be deleted) and the instant it must first be used before. Absent on other doors.
 */
function offlineCodeOn(r: Reservation, lockId: string) {
  const door = allBackups(r).find((b) => b.lockId === lockId);
  if (!door?.offline) return {};
  return {
    offlineCode: true,
    offlineCodeIssuedAt: iso(door.issuedAt),
    offlineCodeValidFrom: iso(door.offline.startsAt),
    offlineCodeValidUntil: iso(door.offline.endsAt),
    firstUseBefore: iso(door.offline.firstUseBy),
  };
}

/**
 * R8.1: the reservation's code, its status per lock, whether a backup was issued, when and how the
 * code was communicated, and what happened. Only ever served to the owning host (R9.3); the PIN
 * appears here and nowhere else (R9.4): message records are listed without theirs.
 */
export function accessView(r: Reservation) {
  const messages = r.guestMessages ?? [];
  const backups = messages.filter((m) => m.isBackup && m.sent.length > 0);
  return {
    reservationId: r.reservationId,
    propertyId: r.propertyId,
    status: r.status,
    channel: r.channel,
    checkIn: iso(r.checkIn),
    checkOut: iso(r.checkOut),
    guest: { name: r.guest.name },
    code: {
      pin: r.code.pin,
      name: r.code.name,
      activeFrom: iso(r.code.activeFrom),
      activeUntil: iso(r.code.activeUntil),
      communicatedAt: iso(r.code.communicatedAt),
      communicatedVia: r.code.communicatedVia,
      locks: r.code.locks.map((s) => ({
        ...offlineCodeOn(r, s.lockId),
        lockId: s.lockId,
        status: s.status,
        attempts: s.attemptedAt.length,
        setAt: iso(s.setAt),
        removedAt: iso(s.removedAt),
        lastError: s.lastError,
        /** When Lockstep tries this lock again (R4.1, R13.2); only while the code still needs an attempt. */
        nextAttemptAt: needsAttempt(s) ? iso(s.nextAttemptAt) : undefined,
      })),
    },
    /** A backup code went to the guest because the lock code was not confirmed in time (R4.4). */
    backup: { issued: backups.length > 0, at: iso(backups[0]?.at) },
    messages: messages.map((m) => ({
      kind: m.kind,
      at: iso(m.at),
      isBackup: m.isBackup ?? false,
      sent: m.sent,
      failed: m.failed,
      skipped: m.skipped,
    })),
    timeline: r.timeline.map((t) => ({ ...t, at: iso(t.at) })),
  };
}

/** A reservation in a list: enough to pick one, never its PIN. */
export function reservationSummary(r: Reservation) {
  return {
    reservationId: r.reservationId,
    propertyId: r.propertyId,
    status: r.status,
    channel: r.channel,
    guest: { name: r.guest.name },
    checkIn: iso(r.checkIn),
    checkOut: iso(r.checkOut),
    activeFrom: iso(r.code.activeFrom),
    activeUntil: iso(r.code.activeUntil),
    locks: r.code.locks.map((s) => ({ lockId: s.lockId, status: s.status })),
  };
}
