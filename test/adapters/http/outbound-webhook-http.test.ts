import { describe, expect, it } from 'vitest';
import { OutboundWebhookHttp } from '#adapters/http/outbound-webhook-http.ts';
import { WebhookUndeliveredError } from '#core/errors.ts';
import { verifyWebhook } from '#core/webhooks/signature.ts';

// R6.5: signed outbound webhooks, retried with backoff.

const NOW = Date.parse('2027-01-04T12:00:00Z');
const hook = {
  deliveryId: 'webhook-abc',
  url: 'https://host.example/hooks',
  body: '{"type":"access_method.issued"}',
};

function endpoint(statuses: number[]) {
  const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) });
    return new Response('', { status: statuses[calls.length - 1] ?? 200 });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const sender = (fetch: typeof globalThis.fetch, sleeps: number[] = []) =>
  new OutboundWebhookHttp({
    signingSecret: 'whsec_test',
    fetch,
    now: () => NOW,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });

describe('R6.5 outbound webhooks', () => {
  it('posts the body signed with id, timestamp and HMAC', async () => {
    const { calls, fetch } = endpoint([200]);
    await sender(fetch).deliver(hook);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers['webhook-id']).toBe('webhook-abc');
    expect(verifyWebhook(['whsec_test'], calls[0]?.headers ?? {}, hook.body, NOW)).toBeUndefined();
  });

  it('retries a 5xx and a 429 with growing backoff, keeping the delivery id', async () => {
    const sleeps: number[] = [];
    const { calls, fetch } = endpoint([503, 429, 200]);
    await sender(fetch, sleeps).deliver(hook);
    expect(calls.map((c) => c.headers['webhook-id'])).toEqual(['webhook-abc', 'webhook-abc', 'webhook-abc']);
    expect(sleeps).toEqual([250, 500]);
  });

  it('gives up on a refusal at once, and after its retries on an endpoint that stays down', async () => {
    const refused = endpoint([400]);
    await expect(sender(refused.fetch).deliver(hook)).rejects.toBeInstanceOf(WebhookUndeliveredError);
    expect(refused.calls).toHaveLength(1);
    const down = endpoint([500, 500, 500, 500, 500, 500]);
    await expect(sender(down.fetch).deliver(hook)).rejects.toThrow(/5 attempts/);
  });
});
