import type { Instant, Reservation } from '#core/model.ts';
import { needsAttempt } from '#core/provisioning/code-on-lock.ts';
import { staffCodeStatus } from '#core/staff/staff-codes.ts';
import type { StaffMember } from '#core/staff/staff-member.ts';

// What the staff routes answer (docs/staff.md). The PIN is in the one staff member's view only,
// never in a list or a URL (R9.4).

const iso = (t: Instant | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

/** A staff member in a list: who, where, when their next code works; no PIN. */
export function staffSummary(member: StaffMember, codes: readonly Reservation[], now: Instant) {
  const next = codes.find((r) => {
    const status = staffCodeStatus(r, now);
    return status === 'active' || status === 'scheduled';
  });
  return {
    staffId: member.staffId,
    name: member.name,
    email: member.email,
    phone: member.phone,
    propertyIds: member.propertyIds,
    schedule: member.schedule,
    hoursWhenNoNextStay: member.hoursWhenNoNextStay,
    createdAt: iso(member.createdAt),
    nextCode: next && {
      propertyId: next.propertyId,
      activeFrom: iso(next.code.activeFrom),
      activeUntil: iso(next.code.activeUntil),
      status: staffCodeStatus(next, now),
    },
  };
}

/** One staff member with each code: its PIN, window and status per lock (R8.1). */
export function staffView(member: StaffMember, codes: readonly Reservation[], now: Instant) {
  return {
    ...staffSummary(member, codes, now),
    codes: codes.map((r) => ({
      codeId: r.reservationId,
      propertyId: r.propertyId,
      pin: r.code.pin,
      name: r.code.name,
      activeFrom: iso(r.code.activeFrom),
      activeUntil: iso(r.code.activeUntil),
      status: staffCodeStatus(r, now),
      communicatedAt: iso(r.code.communicatedAt),
      locks: r.code.locks.map((s) => ({
        lockId: s.lockId,
        status: s.status,
        setAt: iso(s.setAt),
        removedAt: iso(s.removedAt),
        nextAttemptAt: needsAttempt(s) ? iso(s.nextAttemptAt) : undefined,
        lastError: s.lastError,
      })),
    })),
  };
}
