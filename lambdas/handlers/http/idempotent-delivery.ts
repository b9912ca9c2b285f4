import { ALARMED_METRICS } from '#config/metric-names.ts';
import { ConflictError, PayloadTooLargeError, UnauthorizedError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import type { DeliveryRecords, DeliverySender } from '#ports/delivery-records.ts';
import type { Metrics } from '#ports/metrics.ts';
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
  /** Counts admitted and refused signatures, so a wrong partner secret (every delivery a 401) alarms. */
  metrics: Metrics;
}

/**
 * The largest webhook body read. Partner events are a few kilobytes; anything near API Gateway's
 * 10 MB is refused before its signature is computed or its JSON parsed.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/** The body's size in bytes as sent, without decoding it. */
function bodyBytes(request: HttpRequest): number {
  if (!request.body) return 0;
  return Buffer.byteLength(request.body, request.isBase64Encoded ? 'base64' : 'utf8');
}

/** The delivery id of a signed request: Standard Webhooks' header, or Svix's. */
export function deliveryId(request: HttpRequest): string {
  const h = request.headers ?? {};
  return h['webhook-id'] ?? h['svix-id'] ?? '';
}

/** R9.2: the body's size, signature and shape, checked before anything is written; the event. */
export function admitDelivery<E>(
  options: Pick<IdempotentDeliveryOptions<E>, 'sender' | 'admit' | 'metrics'>,
  request: HttpRequest,
  now: Instant,
): E {
  if (bodyBytes(request) > WEBHOOK_BODY_LIMIT_BYTES) throw new PayloadTooLargeError(WEBHOOK_BODY_LIMIT_BYTES);
  return admitCounted(options, request, now);
}

/**
 * R9.1: acts on a delivery once per id. A delivery already acted on gets the first answer back and
 * runs nothing; one another run holds is a `ConflictError` (come back later) until its claim is
 * `staleAfterMs` old; a failed run gives its id back (and throws) so the retry runs.
 */
export async function oncePerDelivery(
  records: DeliveryRecords,
  sender: DeliverySender,
  id: string,
  now: Instant,
  act: () => Promise<HttpResponse>,
  staleAfterMs?: number,
): Promise<HttpResponse> {
  const claim = await records.claim(sender, id, now, staleAfterMs);
  if (claim.kind === 'replay') return claim.response;
  if (claim.kind === 'in_progress') throw new ConflictError('this delivery is being processed; retry later');
  let response: HttpResponse;
  try {
    response = await act();
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
}

/**
 * A webhook acted on as it arrives (the lock provider's): admitted first, so an unsigned request
 * can neither claim an id nor read a stored answer, then `act` runs once per delivery id (R9.1).
 */
export function idempotentDelivery<E>(
  options: IdempotentDeliveryOptions<E>,
  act: (event: E) => Promise<HttpResponse>,
): HttpRoute {
  return async (request) => {
    const now = options.now();
    const event = admitDelivery(options, request, now);
    return oncePerDelivery(options.records, options.sender, deliveryId(request), now, () => act(event));
  };
}

/** Admits the delivery, counting whether its signature passed (by sender, never by id: R9.4). */
function admitCounted<E>(
  options: Pick<IdempotentDeliveryOptions<E>, 'sender' | 'admit' | 'metrics'>,
  request: HttpRequest,
  now: Instant,
): E {
  const dimensions = { sender: options.sender };
  try {
    const event = options.admit(request, now);
    options.metrics.count(ALARMED_METRICS.webhookSignaturesAccepted, 1, dimensions);
    return event;
  } catch (error) {
    // Admission checks the signature first: any other refusal (a 400) came after it passed.
    const refused = error instanceof UnauthorizedError;
    options.metrics.count(
      refused ? ALARMED_METRICS.webhookSignaturesRefused : ALARMED_METRICS.webhookSignaturesAccepted,
      1,
      dimensions,
    );
    throw error;
  }
}
