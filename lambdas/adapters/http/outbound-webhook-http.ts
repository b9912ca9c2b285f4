import { WebhookUndeliveredError } from '#core/errors.ts';
import type { OutboundWebhook, OutboundWebhooks } from '#ports/outbound-webhooks.ts';

import { SignedPoster, type SignedPostOptions } from './signed-post.ts';

// R6.5: a signed JSON POST to the host's endpoint (Standard Webhooks headers: id, timestamp, HMAC),
// retried with full-jitter exponential backoff on timeouts, 408/425/429 and 5xx.

export type OutboundWebhookHttpOptions = SignedPostOptions;

export class OutboundWebhookHttp implements OutboundWebhooks {
  private readonly poster: SignedPoster;

  constructor(options: OutboundWebhookHttpOptions) {
    if (!options.signingSecret) throw new Error('outbound webhooks: the signing secret is missing');
    this.poster = new SignedPoster(options, { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 8_000 });
  }

  async deliver(webhook: OutboundWebhook): Promise<void> {
    const outcome = await this.poster.post(webhook.url, webhook.deliveryId, webhook.body);
    if (outcome.kind === 'delivered') return;
    const why =
      outcome.kind === 'refused'
        ? `refused with HTTP ${outcome.status} (1 attempts)`
        : `${outcome.why} (${outcome.attempts} attempts)`;
    throw new WebhookUndeliveredError(`webhook ${webhook.deliveryId} not delivered: ${why}`);
  }
}
