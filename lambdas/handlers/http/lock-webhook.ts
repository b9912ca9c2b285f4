import { z } from 'zod';
import type { LockProviderName } from '#core/model.ts';
import type { Deps } from '#core/usecases/deps.ts';
import { LOCK_EVENT_TYPES, recordLockEvent } from '#core/usecases/lock-events.ts';
import { type HttpRequest, type HttpResponse, json, parseJson } from './http.ts';
import { validate } from './validate.ts';
import { verifiedBody } from './verify-signature.ts';

/** The lock provider's event envelope (Seam-style). */
const LockProviderEvent = z.object({
  event_id: z.string().min(1),
  event_type: z.enum(LOCK_EVENT_TYPES),
  device_id: z.string().min(1),
  access_code_id: z.string().min(1).optional(),
  occurred_at: z.iso.datetime({ offset: true }),
});

export interface LockWebhookDeps extends Deps {
  lockProviderSecrets: readonly string[];
  /** The provider whose account signs these deliveries. */
  lockProviderName: LockProviderName;
}

/** POST /webhooks/locks: a lock provider confirms or reports a change (R4.2). */
export const lockWebhook =
  (deps: LockWebhookDeps) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const body = verifiedBody(request, deps.lockProviderSecrets, deps.clock.now());
    const event = validate(LockProviderEvent, parseJson(body));
    const outcome = await recordLockEvent(deps, {
      provider: deps.lockProviderName,
      type: event.event_type,
      deviceId: event.device_id,
      accessCodeId: event.access_code_id,
      occurredAt: Date.parse(event.occurred_at),
    });
    return json(200, { outcome });
  };
