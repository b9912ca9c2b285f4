import * as z from 'zod';
import { resendCodeMessage } from '#core/messages/resend-code-message.ts';
import { json } from '../http.ts';
import { type RouteEntry, route } from '../route.ts';
import { id, ReservationPath } from '../schemas/host-api.ts';

export const ResendMessageBody = z.strictObject({
  /** The same key sends once: a retried request does not message the guest twice. */
  idempotencyKey: id.optional(),
});

/**
 * POST /v1/reservations/{id}/resend-message (R13.3): Lockstep's code message again, on the booking's
 * routes. 404 for another host's reservation, 409 for a cancelled one or a guest with no route, 502
 * when a route fails for now. The answer names the routes, never the PIN (R9.4).
 */
export const resendMessageRoute: RouteEntry = route(
  'POST',
  '/v1/reservations/{reservationId}/resend-message',
  {
    summary: 'Send the guest Lockstep’s code message again (R13.3, R5.2)',
    params: ReservationPath,
    body: ResendMessageBody,
  },
  async (deps, hostId, { params, body }) => {
    const key = body.idempotencyKey ?? deps.newId();
    const { isBackup, sent } = await resendCodeMessage(deps, hostId, params.reservationId, key);
    return json(200, {
      reservationId: params.reservationId,
      isBackup,
      sent: { at: new Date(sent.at).toISOString(), via: sent.via, from: sent.from ?? null },
    });
  },
);
