import type { Deps } from '#core/deps.ts';
import type { Instant, ReservationInput } from '#core/model.ts';
import { type AcceptResult, acceptReservation } from '#core/reservations/accept.ts';
import { cancelReservation } from '#core/reservations/cancel.ts';
import { changeReservation } from '#core/reservations/change.ts';
import { parseDateTime } from '#core/time/zoned.ts';
import { type HttpResponse, json } from './http.ts';
import type { ChannelEvent } from './schemas/channel-event.ts';

// `reservation.accepted`, `.modified` and `.cancelled` (R2.2, R7.1, R7.2); `occurred_at` orders them (R9.1).

export type ReservationEvent = Extract<
  ChannelEvent,
  { type: 'reservation.accepted' | 'reservation.modified' | 'reservation.cancelled' }
>;

/** The envelope's `occurred_at`; one without an offset is read as UTC. The schema checked its form. */
export const occurredAt = (event: Pick<ChannelEvent, 'occurred_at'>): Instant =>
  parseDateTime(event.occurred_at, 'UTC') ?? 0;

export function reservationInput(event: ReservationEvent): ReservationInput {
  const r = event.reservation;
  return {
    reservationId: r.id,
    propertyId: r.property_id,
    channel: r.channel,
    confirmationCode: r.confirmation_code,
    guest: r.guest,
    checkIn: r.check_in,
    checkOut: r.check_out,
  };
}

/** 201 when the event created the reservation (it overtook the acceptance), else 200; a stale event changes nothing. */
function answer(result: AcceptResult): HttpResponse {
  return json(result.created ? 201 : 200, {
    reservationId: result.reservation.reservationId,
    status: result.reservation.status,
    version: result.reservation.version,
  });
}

export async function accepted(
  deps: Deps,
  event: Extract<ChannelEvent, { type: 'reservation.accepted' }>,
): Promise<HttpResponse> {
  return answer(
    await acceptReservation(deps, event.host_id, reservationInput(event), { occurredAt: occurredAt(event) }),
  );
}

export async function modified(
  deps: Deps,
  event: Extract<ChannelEvent, { type: 'reservation.modified' }>,
): Promise<HttpResponse> {
  return answer(await changeReservation(deps, event.host_id, reservationInput(event), occurredAt(event)));
}

export async function cancelled(
  deps: Deps,
  event: Extract<ChannelEvent, { type: 'reservation.cancelled' }>,
): Promise<HttpResponse> {
  return answer(await cancelReservation(deps, event.host_id, reservationInput(event), occurredAt(event)));
}
