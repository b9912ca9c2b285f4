import { signWebhook } from '#core/webhooks/signature.ts';
import {
  type OutboundWebhook,
  type OutboundWebhooks,
  WebhookUndeliveredError,
} from '#ports/outbound-webhooks.ts';

// R6.5: a signed JSON POST to the host's endpoint (Standard Webhooks headers: id, timestamp, HMAC),
// retried with full-jitter exponential backoff on timeouts, 408/425/429 and 5xx.

export interface OutboundWebhookHttpOptions {
  signingSecret: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  timeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const RETRIED_STATUS = new Set([408, 425, 429]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OutboundWebhookHttp implements OutboundWebhooks {
  private readonly options: Required<OutboundWebhookHttpOptions>;

  constructor(options: OutboundWebhookHttpOptions) {
    if (!options.signingSecret) throw new Error('outbound webhooks: the signing secret is missing');
    this.options = {
      fetch: globalThis.fetch,
      sleep: defaultSleep,
      random: Math.random,
      now: Date.now,
      timeoutMs: 5_000,
      maxRetries: 4,
      baseDelayMs: 500,
      maxDelayMs: 8_000,
      ...options,
    };
  }

  async deliver(webhook: OutboundWebhook): Promise<void> {
    const o = this.options;
    for (let retry = 0; ; retry++) {
      const why = await this.attempt(webhook);
      if (why === undefined) return;
      if (why.startsWith('refused') || retry >= o.maxRetries) {
        throw new WebhookUndeliveredError(
          `webhook ${webhook.deliveryId} not delivered: ${why} (${retry + 1} attempts)`,
        );
      }
      await o.sleep(Math.floor(o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** retry)));
    }
  }

  /** undefined when delivered; else why not (`refused …` is final). */
  private async attempt(webhook: OutboundWebhook): Promise<string | undefined> {
    const o = this.options;
    // Signed afresh per attempt: receivers refuse a timestamp older than their tolerance.
    const headers = signWebhook(o.signingSecret, webhook.deliveryId, o.now(), webhook.body);
    try {
      const response = await o.fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: webhook.body,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return undefined;
      if (RETRIED_STATUS.has(response.status) || response.status >= 500) return `HTTP ${response.status}`;
      return `refused with HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
    }
  }
}
