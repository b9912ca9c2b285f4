import * as z from 'zod';
import type { Deps } from '#core/deps.ts';
import { renderHostMessage } from '#core/messages/render-host-message.ts';
import { type HttpRequest, type HttpResponse, json, parseJson, rawBody } from '../http.ts';
import { validate } from '../validate.ts';

export const RenderMessageBody = z
  .object({
    template: z.string().min(1).max(5000),
    send: z.boolean().default(false),
    from: z.string().min(1).max(128).optional(),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore')
      .optional(),
  })
  .strict();

/**
 * POST /v1/reservations/{reservationId}/render-message (R5.5): the host's template with
 * `%smartlock_code%` rendered; with `send: true` it also goes to the guest and the code counts as
 * communicated. An unknown shortcode is a 400 naming it; a delivery that fails now is a 502.
 */
export async function renderMessageRoute(
  deps: Deps,
  hostId: string,
  params: Record<string, string>,
  request: HttpRequest,
): Promise<HttpResponse> {
  const body = validate(RenderMessageBody, parseJson(rawBody(request) || '{}'));
  const reservationId = params.reservationId ?? '';
  const result = await renderHostMessage(deps, hostId, { reservationId, ...body });
  return json(200, {
    reservationId,
    text: result.text,
    carriesCode: result.carriesCode,
    sent: result.sent
      ? { at: new Date(result.sent.at).toISOString(), via: result.sent.via, from: result.sent.from ?? null }
      : null,
  });
}
