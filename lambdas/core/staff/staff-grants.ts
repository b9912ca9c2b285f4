import { createHash } from 'node:crypto';
import type { Instant, Reservation, ReservationInput } from '../model.ts';
import type { StaffMember } from './staff-member.ts';
import type { StaffWindow } from './staff-windows.ts';

// R12.2: a staff window is stored as a reservation of the property (a *grant*), so provisioning,
// confirmation, collisions, retries, resync, matching and removal treat it as they treat a guest's.

/** Reservations that are staff grants, and those that are guests' stays. */
export const isStaffGrant = (r: Pick<Reservation, 'staff'>): boolean => r.staff !== undefined;
export const isGuestStay = (r: Pick<Reservation, 'staff'>): boolean => r.staff === undefined;

const digest = (staffId: string, propertyId: string, follows: string) =>
  createHash('sha256').update(`${staffId}\u0000${propertyId}\u0000${follows}`).digest('hex');

/**
 * The grant's id: the same for the same staff member, property and turnover, so two syncs racing
 * create it once (the second acceptance finds it stored). `generation` counts grants of that
 * turnover cancelled before (a gap that closed and opened again gets a fresh record).
 */
export function grantId(staffId: string, propertyId: string, follows: string, generation: number): string {
  const id = `staff-${digest(staffId, propertyId, follows).slice(0, 32)}`;
  return generation === 0 ? id : `${id}-${generation}`;
}

const iso = (t: Instant) => new Date(t).toISOString();

/** The grant as a manual booking: the staff member is its guest, so the code message reaches them by email and SMS (R5.2). */
export function grantInput(
  member: Pick<StaffMember, 'staffId' | 'name' | 'email' | 'phone'>,
  propertyId: string,
  window: StaffWindow,
  reservationId: string,
): ReservationInput {
  return {
    reservationId,
    propertyId,
    channel: 'manual',
    // The code name falls back to it when the staff member's name is already on the lock (R3.4).
    confirmationCode: `STAFF-${digest(member.staffId, propertyId, window.follows).slice(0, 6).toUpperCase()}`,
    guest: {
      name: member.name,
      ...(member.email ? { email: member.email } : {}),
      ...(member.phone ? { phone: member.phone } : {}),
    },
    checkIn: iso(window.activeFrom),
    checkOut: iso(window.activeUntil),
    staff: { staffId: member.staffId, follows: window.follows },
  };
}

/** A stored grant as the input that cancels it. */
export const inputOf = (r: Reservation): ReservationInput => ({
  reservationId: r.reservationId,
  propertyId: r.propertyId,
  channel: r.channel,
  confirmationCode: r.confirmationCode,
  guest: r.guest,
  checkIn: iso(r.checkIn),
  checkOut: iso(r.checkOut),
  staff: r.staff,
});
