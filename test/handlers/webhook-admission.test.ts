import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '#core/errors.ts';
import type { HttpRequest } from '#handlers/http/http.ts';
import { type LockWebhookDeps, lockWebhook } from '#handlers/http/lock-webhook.ts';
import { lockDeliveries } from '#handlers/http/webhook-deliveries.ts';
import type { DeliveryRecords, StoredResponse } from '#ports/delivery-records.ts';
import type { LockWebhooks } from '#ports/lock-webhooks.ts';

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

const delivery = (id: string) =>
  ({
    headers: { 'svix-id': id },
    body: '{"event_type":"lock.locked"}',
    isBase64Encoded: false,
  }) as unknown as HttpRequest;

const depsWith = (webhooks: LockWebhooks) =>
  ({ clock: { now: () => NOW }, lockWebhooks: webhooks }) as unknown as LockWebhookDeps;

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
