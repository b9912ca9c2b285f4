import { ConflictError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import type { DeliveryRecords, DeliverySender } from '#ports/delivery-records.ts';
import type { HttpRequest, HttpResponse, HttpRoute } from './http.ts';

export interface IdempotentDeliveryOptions<E> {
  sender: DeliverySender;
  records: DeliveryRecords;
  now: () => Instant;
  /**
   * Checks the signature and the body's shape (throwing the 401 or 400) and returns the event:
   * bad input is refused before anything is written (R9.2).
   */
  admit: (request: HttpRequest, now: Instant) => E;
}

/** The delivery id of a signed request: Standard Webhooks' header, or Svix's. */
export function deliveryId(request: HttpRequest): string {
  const h = request.headers ?? {};
  return h['webhook-id'] ?? h['svix-id'] ?? '';
}

/**
 * R9.1: a redelivered webhook (same delivery id) gets the first answer back and runs nothing.
 * Admitted first, so an unsigned request can neither claim an id nor read a stored answer; `act`
 * then runs on the admitted event. A failed delivery gives its id back (the error is answered as
 * usual) so the sender's retry runs.
 */
export function idempotentDelivery<E>(
  options: IdempotentDeliveryOptions<E>,
  act: (event: E) => Promise<HttpResponse>,
): HttpRoute {
  const { sender, records } = options;
  return async (request) => {
    const now = options.now();
    const event = options.admit(request, now);
    const id = deliveryId(request);
    const claim = await records.claim(sender, id, now);
    if (claim.kind === 'replay') return claim.response;
    if (claim.kind === 'in_progress')
      throw new ConflictError('this delivery is being processed; retry later');
    let response: HttpResponse;
    try {
      response = await act(event);
    } catch (error) {
      await records.release(sender, id);
      throw error;
    }
    const { statusCode = 200, headers, body } = response;
    await records.complete(
      sender,
      id,
      { statusCode, headers: headers as Record<string, string> | undefined, body: String(body ?? '') },
      now,
    );
    return response;
  };
}
