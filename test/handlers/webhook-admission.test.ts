import { describe, expect, it } from 'vitest';
import { ALARMED_METRICS } from '#config/metric-names.ts';
import { PayloadTooLargeError, UnauthorizedError } from '#core/errors.ts';
import { errorResponse, type HttpRequest } from '#handlers/http/http.ts';
import { WEBHOOK_BODY_LIMIT_BYTES } from '#handlers/http/idempotent-delivery.ts';
import { type LockWebhookDeps, lockWebhook } from '#handlers/http/lock-webhook.ts';
import { lockDeliveries } from '#handlers/http/webhook-deliveries.ts';
import type { DeliveryRecords, StoredResponse } from '#ports/delivery-records.ts';
import type { LockWebhooks } from '#ports/lock-webhooks.ts';
import { LocalMetrics } from '../../local/metrics.ts';

// R9.1: a delivery's signature is checked and its body parsed once, at admission (before its id is
// claimed); the route acts on the admitted event without checking or parsing again.

const NOW = Date.UTC(2026, 11, 1, 12);

/** A lock provider account that counts what it is asked and reports an event type nobody follows. */
function countingWebhooks(problem?: 'bad_signature') {
  const calls = { verify: 0, parse: 0 };
  const webhooks: LockWebhooks = {
    verify: () => {
      calls.verify++;
      return problem;
    },
    parse: () => {
      calls.parse++;
      return undefined;
    },
  };
  return { calls, webhooks };
}

function inMemoryRecords(): DeliveryRecords {
  const answers = new Map<string, StoredResponse | 'claimed'>();
  return {
    claim: async (sender, id) => {
      const answer = answers.get(`${sender}#${id}`);
      if (answer === 'claimed') return { kind: 'in_progress' };
      if (answer) return { kind: 'replay', response: answer };
      answers.set(`${sender}#${id}`, 'claimed');
      return { kind: 'claimed' };
    },
    complete: async (sender, id, response) => void answers.set(`${sender}#${id}`, response),
    release: async (sender, id) => void answers.delete(`${sender}#${id}`),
  };
}

const delivery = (id: string, body = '{"event_type":"lock.locked"}') =>
  ({ headers: { 'svix-id': id }, body, isBase64Encoded: false }) as unknown as HttpRequest;

const depsWith = (webhooks: LockWebhooks, metrics = new LocalMetrics()) =>
  ({ clock: { now: () => NOW }, lockWebhooks: webhooks, metrics }) as unknown as LockWebhookDeps;

describe('R9.1 lock webhook admission', () => {
  it('verifies and parses each delivery once, and answers a redelivery with the stored answer', async () => {
    const { calls, webhooks } = countingWebhooks();
    const route = lockDeliveries(depsWith(webhooks), inMemoryRecords());
    const first = await route(delivery('msg_1'));
    expect(first).toMatchObject({ statusCode: 200, body: JSON.stringify({ outcome: 'ignored' }) });
    expect(calls).toEqual({ verify: 1, parse: 1 });
    expect(await route(delivery('msg_1'))).toEqual({
      statusCode: 200,
      headers: first.headers,
      body: first.body,
    });
    expect(calls).toEqual({ verify: 2, parse: 2 });
  });

  it('refuses a badly signed delivery (a 401) before parsing it or claiming its id', async () => {
    const { calls, webhooks } = countingWebhooks('bad_signature');
    const records = inMemoryRecords();
    const refusal = lockDeliveries(depsWith(webhooks), records)(delivery('msg_2'));
    await expect(refusal).rejects.toBeInstanceOf(UnauthorizedError);
    expect(calls).toEqual({ verify: 1, parse: 0 });
    expect(await records.claim('locks', 'msg_2', NOW)).toEqual({ kind: 'claimed' });
  });

  it('acts on the admitted event alone: an event type nobody follows is acknowledged', async () => {
    expect(await lockWebhook(depsWith(countingWebhooks().webhooks))(undefined)).toMatchObject({
      statusCode: 200,
      body: JSON.stringify({ outcome: 'ignored' }),
    });
  });
});

describe('R9.1 webhook admission under abuse and misconfiguration', () => {
  it('refuses a body over the limit with a 413 naming the limit, before checking its signature', async () => {
    const { calls, webhooks } = countingWebhooks();
    const records = inMemoryRecords();
    const huge = delivery('msg_3', `{"pad":"${'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES)}"}`);
    const refusal = lockDeliveries(depsWith(webhooks), records)(huge);
    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(calls).toEqual({ verify: 0, parse: 0 });
    expect(await records.claim('locks', 'msg_3', NOW)).toEqual({ kind: 'claimed' });
    const { response } = errorResponse(await refusal.catch((e: unknown) => e), 'c1');
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(String(response.body)).error).toMatchObject({
      field: 'body',
      message: `body: larger than the ${WEBHOOK_BODY_LIMIT_BYTES}-byte limit`,
    });
  });

  it('reads a body exactly at the limit', async () => {
    const { calls, webhooks } = countingWebhooks();
    const body = `{"p":"${'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES - 8)}"}`;
    expect(Buffer.byteLength(body)).toBe(WEBHOOK_BODY_LIMIT_BYTES);
    await lockDeliveries(depsWith(webhooks), inMemoryRecords())(delivery('msg_4', body));
    expect(calls.verify).toBe(1);
  });

  it('counts refused and accepted signatures by sender, so a wrong partner secret can alarm', async () => {
    const metrics = new LocalMetrics();
    const refusing = lockDeliveries(
      depsWith(countingWebhooks('bad_signature').webhooks, metrics),
      inMemoryRecords(),
    );
    await expect(refusing(delivery('msg_5'))).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(refusing(delivery('msg_6'))).rejects.toBeInstanceOf(UnauthorizedError);
    await lockDeliveries(
      depsWith(countingWebhooks().webhooks, metrics),
      inMemoryRecords(),
    )(delivery('msg_7'));

    expect(metrics.total(ALARMED_METRICS.webhookSignaturesRefused, { sender: 'locks' })).toBe(2);
    expect(metrics.total(ALARMED_METRICS.webhookSignaturesAccepted, { sender: 'locks' })).toBe(1);
    expect(metrics.total(ALARMED_METRICS.webhookSignaturesRefused, { sender: 'channel' })).toBe(0);
  });
});
