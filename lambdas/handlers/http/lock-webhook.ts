import { parseSeamEvent, verifySeamWebhook } from '#adapters/http/seam-webhook.ts';
import type { Deps } from '#core/deps.ts';
import { UnauthorizedError } from '#core/errors.ts';
import { recordLockEvent } from '#core/locks/provider-events.ts';
import type { LockProviderName } from '#core/model.ts';
import { type HttpRequest, type HttpResponse, json, rawBody } from './http.ts';

export interface LockWebhookDeps extends Deps {
  /** The provider account's active webhook secrets (Svix `whsec_` keys; two during a rotation). */
  lockProviderSecrets: readonly string[];
  /** The provider whose account signs these deliveries. */
  lockProviderName: LockProviderName;
}

/**
 * POST /webhooks/locks: a lock provider confirms or reports a change (R4.2). Seam's envelope and
 * Svix signatures; the sandbox sends the same. Event types Lockstep does not follow are acknowledged
 * so the sender stops retrying them.
 */
export const lockWebhook =
  (deps: LockWebhookDeps) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const body = rawBody(request);
    const problem = verifySeamWebhook(
      deps.lockProviderSecrets,
      request.headers ?? {},
      body,
      deps.clock.now(),
    );
    if (problem) throw new UnauthorizedError(`webhook signature refused: ${problem}`);
    const event = parseSeamEvent(body);
    if (!event) return json(200, { outcome: 'ignored' });
    const outcome = await recordLockEvent(deps, { ...event, provider: deps.lockProviderName });
    return json(200, { outcome });
  };
