import { signWebhook } from '#core/webhooks/signature.ts';
import type { OutboundWebhook, OutboundWebhooks } from '#ports/outbound-webhooks.ts';

/** The local stand-in for hosts' webhook endpoints (R6.5): records each signed delivery once. */
export class WebhookOutbox implements OutboundWebhooks {
  readonly deliveries: (OutboundWebhook & { at: number; headers: Record<string, string> })[] = [];
  private readonly secret: string;

  constructor(secret: string) {
    this.secret = secret;
  }

  async deliver(webhook: OutboundWebhook): Promise<void> {
    if (this.deliveries.some((d) => d.deliveryId === webhook.deliveryId)) return;
    const at = Date.now();
    const headers = { ...signWebhook(this.secret, webhook.deliveryId, at, webhook.body) };
    this.deliveries.push({ ...webhook, at, headers });
  }
}
