import { lockConstraints } from '../codes/constraints.ts';
import { chooseCodeName } from '../codes/name.ts';
import { choosePin } from '../codes/pin.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { loadLocks } from '../locks/load-locks.ts';
import type { Instant, Reservation, ReservationDetails, ReservationInput } from '../model.ts';
import { codesOnLocks } from '../provisioning/taken-codes.ts';
import { followGuestChange, hasStaff } from '../staff/sync-staff-codes.ts';
import { windowOfStay } from '../time/timeline.ts';
import { parseDateTime } from '../time/zoned.ts';
import { acceptedEntries } from './entries.ts';
import { carryOutAcceptance, finishAcceptance } from './finish-acceptance.ts';

export interface AcceptResult {
  reservation: Reservation;
  created: boolean;
}

export interface ChannelEventInfo {
  /** The event's `occurred_at`: later events older than it change nothing (R9.1). */
  occurredAt?: Instant | undefined;
  /** The event that created the reservation when it was not the acceptance (delivered out of order). */
  type?: string | undefined;
}

/**
 * A channel accepted a booking: choose its code now (R2.2), store it, and schedule provisioning,
 * the guest message and deletion (R2.4). A redelivered acceptance changes nothing (R9.1), nor does
 * a late one after a modification or cancellation already created the reservation.
 */
export async function acceptReservation(
  deps: Deps,
  hostId: string,
  input: ReservationInput,
  event: ChannelEventInfo = {},
): Promise<AcceptResult> {
  const existing = await deps.reservations.getReservation(hostId, input.reservationId);
  if (existing) {
    await finishAcceptance(deps, existing); // R9.5: a run that died after storing it
    await followGuestChange(deps, existing); // R9.5, R12.2: and before the staff windows followed
    return { reservation: existing, created: false };
  }

  const property = await deps.properties.getProperty(hostId, input.propertyId);
  if (!property) throw new NotFoundError('property', 'reservation.property_id');
  const details = stayDetails(input, property.settings.timeZone);
  const locks = [...(await loadLocks(deps, hostId, property.lockIds)).values()];
  const now = deps.clock.now();
  const window = windowOfStay(details, property.settings);
  const taken = await codesOnLocks(deps, hostId, property.propertyId, locks);
  const constraints = locks.map(lockConstraints);
  const pin = choosePin({
    locks: constraints,
    takenCodes: taken.codes,
    // A staff member's phone is not a secret of one stay: staff PINs are always random (R12.2).
    source: details.staff ? 'random' : property.settings.codeSource,
    phone: details.guest.phone,
    random: deps.random,
  });
  const name = chooseCodeName({
    guestName: details.guest.name,
    confirmationCode: details.confirmationCode,
    locks: constraints,
    namesOnLocks: taken.names,
    guestHasOverlappingBooking: taken.reservations.some(
      (r) =>
        r.guest.name === details.guest.name &&
        r.code.activeFrom < window.activeUntil &&
        window.activeFrom < r.code.activeUntil,
    ),
    providerRejectedName: false,
  });

  const reservation: Reservation = {
    ...details,
    hostId,
    status: 'accepted',
    version: 1,
    bookedAt: now,
    lastEventAt: event.occurredAt,
    ...(hasStaff(property) && !details.staff ? { staffOnProperty: true } : {}),
    code: {
      ...window,
      pin: pin.pin,
      name: name.name,
      locks: locks.map((l) => ({ lockId: l.lockId, status: 'pending', attemptedAt: [] })),
    },
    timeline: [
      {
        at: now,
        event: 'reservation.accepted',
        ...(event.type ? { detail: `from ${event.type}, delivered before the acceptance` } : {}),
      },
      {
        at: now,
        event: 'code.chosen',
        detail: [
          `pin from ${pin.source}${pin.fallbackReason ? ` (${pin.fallbackReason})` : ''}`,
          name.usedConfirmationCode
            ? `name is the confirmation code (${name.reason})`
            : 'name is the guest name',
        ].join('; '),
      },
    ],
  };
  const entries = acceptedEntries(reservation, window, locks, now, property.settings.backupCodes);
  for (const entry of entries) {
    reservation.timeline.push({
      at: now,
      event: `schedule.${entry.kind}`,
      detail: new Date(entry.at).toISOString(),
    });
  }
  await deps.reservations.createReservation(reservation);
  await carryOutAcceptance(deps, reservation, entries);
  await followGuestChange(deps, reservation, property); // R12.2
  return { reservation, created: true };
}

/** Check-in and check-out as instants: local times are read in the property's time zone (R2). */
export function stayDetails(input: ReservationInput, timeZone: string): ReservationDetails {
  const at = (field: 'checkIn' | 'checkOut', name: string): Instant => {
    const instant = parseDateTime(input[field], timeZone);
    if (instant === undefined)
      throw new ValidationError(`reservation.${name}`, 'must be an ISO-8601 date-time');
    return instant;
  };
  const details = { ...input, checkIn: at('checkIn', 'check_in'), checkOut: at('checkOut', 'check_out') };
  if (details.checkOut <= details.checkIn)
    throw new ValidationError('reservation.check_out', 'must be after check_in');
  return details;
}
