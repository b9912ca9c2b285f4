import type { Deps } from '#core/deps.ts';
import { UnauthorizedError } from '#core/errors.ts';
import { type LockEvent, recordLockEvent } from '#core/locks/provider-events.ts';
import type { Instant } from '#core/model.ts';
import type { LockWebhooks } from '#ports/lock-webhooks.ts';
import { type HttpRequest, type HttpResponse, json, rawBody } from './http.ts';

export interface LockWebhookDeps extends Deps {
  /** The provider account's deliveries: its signature check (two secrets during a rotation) and format. */
  lockWebhooks: LockWebhooks;
}

/**
 * R9.1: a delivery the provider account signed, recent, as its event (a 401 or 400 otherwise);
 * undefined for event types Lockstep does not follow.
 */
export function admitLockEvent(
  webhooks: LockWebhooks,
  request: HttpRequest,
  now: Instant,
): LockEvent | undefined {
  const body = rawBody(request);
  const problem = webhooks.verify(request.headers ?? {}, body, now);
  if (problem) throw new UnauthorizedError(`webhook signature refused: ${problem}`);
  return webhooks.parse(body);
}

/**
 * POST /webhooks/locks, once admitted: a lock provider confirms or reports a change (R4.2). Event
 * types Lockstep does not follow are acknowledged so the sender stops retrying them.
 */
export const lockWebhook =
  (deps: Deps) =>
  async (event: LockEvent | undefined): Promise<HttpResponse> => {
    if (!event) return json(200, { outcome: 'ignored' });
    const outcome = await recordLockEvent(deps, event);
    return json(200, { outcome });
  };
