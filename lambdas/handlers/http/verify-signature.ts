import { UnauthorizedError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import { verifyWebhook } from '#core/webhooks/signature.ts';
import { type HttpRequest, rawBody } from './http.ts';

/** R9.1: a webhook must be signed with an active secret and recent; anything else is a 401. */
export function verifiedBody(request: HttpRequest, secrets: readonly string[], now: Instant): string {
  const body = rawBody(request);
  const h = request.headers ?? {};
  const problem = verifyWebhook(
    secrets,
    {
      'webhook-id': h['webhook-id'],
      'webhook-timestamp': h['webhook-timestamp'],
      'webhook-signature': h['webhook-signature'],
    },
    body,
    now,
  );
  if (problem) throw new UnauthorizedError(`webhook signature refused: ${problem}`);
  return body;
}
