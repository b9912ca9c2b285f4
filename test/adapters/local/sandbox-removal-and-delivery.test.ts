import { describe, expect, it } from 'vitest';
import { verifySeamWebhook } from '#adapters/http/seam-webhook.ts';
import { DEFAULT_CONFIRMATION_DELAY_MS as DELAY } from '#adapters/local/sandbox-locks.ts';
import { DELIVERY_RETRIES, DELIVERY_RETRY_DELAY_MS } from '#adapters/local/sandbox-webhooks.ts';
import {
  clock,
  DAY,
  deliveries,
  events,
  HOUR,
  SECRET,
  START,
  sandbox,
  set,
  useSandboxClock,
} from './sandbox-fixture.ts';

useSandboxClock();

describe('sandbox lock provider: removing codes', () => {
  it('confirms a removal by webhook after the delay', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await clock.tickAsync(DELAY);
    await provider.deleteCode('d1', accessCodeId);
    expect(await provider.listCodes('d1')).toEqual([]);
    await clock.tickAsync(DELAY);
    expect(events().at(-1)).toEqual([2 * DELAY, 'access_code.removed_from_device', accessCodeId]);
    expect(provider.codesOnDevice('d1')).toEqual([]);
  });

  it('treats deleting an unknown, pending or removed code as done, with no extra webhook', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await provider.deleteCode('d1', accessCodeId);
    await provider.deleteCode('d1', accessCodeId);
    await clock.tickAsync(DELAY);
    await provider.deleteCode('d1', accessCodeId);
    await provider.deleteCode('d1', 'ac_unknown');
    await clock.tickAsync(DELAY);
    expect(events().map(([, type]) => type)).toEqual([
      'access_code.set_on_device',
      'access_code.removed_from_device',
    ]);
  });

  it('counts a change to a foreign code', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'nuki',
      codeLengths: [6],
      maxCodes: 10,
      existingCodes: [{ code: '482915', name: 'Cleaner' }],
    });
    const [cleaner] = await provider.listCodes('d2');
    expect(cleaner).toMatchObject({ code: '482915', managed: false });
    await provider.deleteCode('d2', cleaner?.accessCodeId ?? '');
    expect(provider.foreignCodesTouched()).toBe(1);
  });
});

describe('sandbox lock provider: factory reset', () => {
  it('empties the lock silently, and the next read shows it', async () => {
    const provider = sandbox();
    await set(provider, '2468');
    await clock.tickAsync(DELAY);
    provider.wipe('d1');
    await clock.tickAsync(HOUR);
    expect(provider.codesOnDevice('d1')).toEqual([]);
    expect(await provider.listCodes('d1')).toEqual([]);
    expect(events()).toHaveLength(1);
  });

  it('still confirms the deletion of a code the reset removed', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await clock.tickAsync(DELAY);
    provider.wipe('d1');
    await provider.deleteCode('d1', accessCodeId);
    await clock.tickAsync(DELAY);
    expect(events().at(-1)).toEqual([2 * DELAY, 'access_code.removed_from_device', accessCodeId]);
  });
});

describe('sandbox lock provider: webhook delivery', () => {
  it('retries a failed delivery a minute later, signed afresh with the same id', async () => {
    let failures = 1;
    const provider = sandbox({
      deliver: async (headers, body) => {
        if (failures-- > 0) throw new Error('502 from the route');
        deliveries.push({ at: Date.now(), headers, body, event: JSON.parse(body) });
      },
    });
    await set(provider, '2468');
    await clock.tickAsync(DELAY + DELIVERY_RETRY_DELAY_MS);
    const [delivery] = deliveries;
    expect(deliveries).toHaveLength(1);
    expect(delivery?.at).toBe(START + DELAY + DELIVERY_RETRY_DELAY_MS);
    expect(delivery?.event.occurred_at).toBe(new Date(START + DELAY).toISOString());
    expect(delivery?.headers['svix-id']).toBe(delivery?.event.event_id);
    expect(
      verifySeamWebhook([SECRET], delivery?.headers ?? {}, delivery?.body ?? '', Date.now()),
    ).toBeUndefined();
  });

  it(`gives up after ${DELIVERY_RETRIES} retries without crashing`, async () => {
    let attempts = 0;
    const provider = sandbox({
      deliver: async () => {
        attempts++;
        throw new Error('down');
      },
    });
    await set(provider, '2468');
    await clock.tickAsync(DELAY + DAY);
    expect(attempts).toBe(DELIVERY_RETRIES + 1);
    expect(provider.droppedDeliveries()).toBe(1);
    expect(clock.countTimers()).toBe(0);
  });
});
