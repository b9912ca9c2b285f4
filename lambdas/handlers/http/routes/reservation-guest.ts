import { addGuestContact } from '#core/reservations/guest-contact.ts';
import { json } from '../http.ts';
import { type RouteEntry, route } from '../route.ts';
import { ReservationPath, UpdateReservationBody } from '../schemas/host-api.ts';
import { accessView } from './access-view.ts';

/** PATCH /v1/reservations/{id}: the guest's email or phone, so the code message reaches them (R10.8). */
export const reservationGuestRoute: RouteEntry = route(
  'PATCH',
  '/v1/reservations/{reservationId}',
  {
    summary: 'Add the guest’s email or phone to a reservation (R10.8)',
    params: ReservationPath,
    body: UpdateReservationBody,
  },
  async (deps, hostId, { params, body }) =>
    json(200, accessView(await addGuestContact(deps, hostId, params.reservationId, body.guest))),
);
