import { describe, expect, it } from 'vitest';
import { verifySeamWebhook } from '#adapters/http/seam-webhook.ts';
import { DEFAULT_CONFIRMATION_DELAY_MS as DELAY } from '#adapters/local/sandbox-locks.ts';
import { LockProviderError } from '#core/errors.ts';
import {
  clock,
  DAY,
  deliveries,
  events,
  HOUR,
  rejection,
  SECRET,
  START,
  sandbox,
  set,
  useSandboxClock,
} from './sandbox-fixture.ts';

useSandboxClock();

describe('sandbox lock provider: setting codes', () => {
  it('confirms a set code by a signed webhook once the confirmation delay has passed', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await clock.tickAsync(DELAY - 1);
    expect(deliveries).toEqual([]);
    expect(provider.codesOnDevice('d1')).toEqual([]);

    await clock.tickAsync(1);
    const [delivery] = deliveries;
    expect(delivery?.event).toEqual({
      event_id: 'evt_1',
      event_type: 'access_code.set_on_device',
      device_id: 'd1',
      access_code_id: accessCodeId,
      occurred_at: new Date(START + DELAY).toISOString(),
    });
    expect(
      verifySeamWebhook([SECRET], delivery?.headers ?? {}, delivery?.body ?? '', Date.now()),
    ).toBeUndefined();
    expect(provider.codesOnDevice('d1')).toEqual([
      { accessCodeId, code: '2468', name: 'guest 2468', managed: true },
    ]);
  });

  it('lists a pending code as the provider knows it, before the device confirms it', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    expect(await provider.listCodes('d1')).toEqual([
      { accessCodeId, code: '2468', name: 'guest 2468', managed: true, status: 'pending' },
    ]);
  });

  it('refuses up front a code of the wrong length or with non-digits (failed_to_set)', async () => {
    const provider = sandbox();
    expect(await rejection(set(provider, '12345'))).toBe('failed_to_set');
    expect(await rejection(set(provider, '12a4'))).toBe('failed_to_set');
    expect(await provider.listCodes('d1')).toEqual([]);
  });

  it('refuses up front a PIN the model rules reject, with their message', async () => {
    const provider = sandbox({
      validatePin: (_, pin) => (pin.includes('0') ? 'no zeros on this lock' : undefined),
    });
    await expect(set(provider, '1020')).rejects.toThrow(
      new LockProviderError('failed_to_set', 'no zeros on this lock'),
    );
    await expect(set(provider, '1121')).resolves.toEqual({ accessCodeId: 'ac_1' });
  });

  it('refuses an unknown device', async () => {
    expect(await rejection(set(sandbox(), '2468', 'nope'))).toBe('failed_to_set');
  });

  it('refuses a PIN already on the lock as a foreign code (duplicate_code)', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'nuki',
      codeLengths: [6],
      maxCodes: 10,
      existingCodes: [{ code: '482915', name: 'Cleaner' }],
    });
    expect(await rejection(set(provider, '482915', 'd2'))).toBe('duplicate_code');
    expect(provider.foreignCodesTouched()).toBe(0);
  });

  it('refuses a PIN already requested and still pending (duplicate_code)', async () => {
    const provider = sandbox();
    await set(provider, '2468');
    expect(await rejection(set(provider, '2468'))).toBe('duplicate_code');
  });

  it('refuses a code once codes and pending sets fill the lock (no_space)', async () => {
    const provider = sandbox();
    await set(provider, '1111');
    await clock.tickAsync(DELAY);
    await set(provider, '2222');
    await set(provider, '3333');
    expect(await rejection(set(provider, '4444'))).toBe('no_space');
  });

  it('counts a slot and a PIN as free once their removal is queued ahead', async () => {
    const provider = sandbox();
    const ids = [await set(provider, '1111'), await set(provider, '2222'), await set(provider, '3333')];
    await provider.deleteCode('d1', ids[0]?.accessCodeId ?? '');
    await expect(set(provider, '1111')).resolves.toEqual({ accessCodeId: 'ac_4' });
    await clock.tickAsync(DELAY);
    expect(provider.codesOnDevice('d1').map((c) => c.code)).toEqual(['2222', '3333', '1111']);
  });

  it('fails the next rejectNext sets on the device with no reason, then sets', async () => {
    const provider = sandbox();
    provider.addDevice({ deviceId: 'd2', model: 'yale', codeLengths: [6], maxCodes: 10, rejectNext: 2 });
    for (const pin of ['111111', '222222', '333333']) {
      await set(provider, pin, 'd2');
      await clock.tickAsync(HOUR);
    }
    expect(events()).toEqual([
      [DELAY, 'access_code.failed_to_set_on_device', 'ac_1'],
      [HOUR + DELAY, 'access_code.failed_to_set_on_device', 'ac_2'],
      [2 * HOUR + DELAY, 'access_code.set_on_device', 'ac_3'],
    ]);
    expect(provider.codesOnDevice('d2').map((c) => c.code)).toEqual(['333333']);
  });
});

describe('sandbox lock provider: offline windows', () => {
  const window = { from: START + HOUR, to: START + 3 * HOUR };

  it('reports disconnection and reconnection at the edges of a window', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'august',
      codeLengths: [6],
      maxCodes: 10,
      offline: [window],
    });
    await clock.tickAsync(HOUR);
    expect((await provider.getDevice('d2')).online).toBe(false);
    await clock.tickAsync(2 * HOUR);
    expect((await provider.getDevice('d2')).online).toBe(true);
    expect(events()).toEqual([
      [HOUR, 'device.disconnected', undefined],
      [3 * HOUR, 'device.connected', undefined],
    ]);
  });

  it('confirms a change requested while offline exactly when the window ends, in request order', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'august',
      codeLengths: [6],
      maxCodes: 10,
      offline: [window],
    });
    await clock.tickAsync(2 * HOUR);
    const { accessCodeId } = await set(provider, '135790', 'd2');
    await provider.deleteCode('d2', accessCodeId);
    await clock.tickAsync(HOUR - 1);
    expect(events()).toEqual([[HOUR, 'device.disconnected', undefined]]);
    await clock.tickAsync(1);
    expect(events().slice(1)).toEqual([
      [3 * HOUR, 'device.connected', undefined],
      [3 * HOUR, 'access_code.set_on_device', accessCodeId],
      [3 * HOUR, 'access_code.removed_from_device', accessCodeId],
    ]);
  });

  it('holds a change whose delay ends inside a window until the window ends', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'august',
      codeLengths: [6],
      maxCodes: 10,
      offline: [window],
    });
    await clock.tickAsync(HOUR - DELAY / 2);
    await set(provider, '135790', 'd2');
    await clock.tickAsync(3 * HOUR);
    expect(events().filter(([, type]) => type === 'access_code.set_on_device')).toEqual([
      [3 * HOUR, 'access_code.set_on_device', 'ac_1'],
    ]);
  });

  it('starts offline without a disconnect event when added during a window', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'august',
      codeLengths: [6],
      maxCodes: 10,
      offline: [{ from: START - HOUR, to: START + HOUR }],
    });
    expect((await provider.getDevice('d2')).online).toBe(false);
    await clock.tickAsync(HOUR);
    expect(events()).toEqual([[HOUR, 'device.connected', undefined]]);
  });

  it('fires edges of windows further away than a timer can wait at their exact instant', async () => {
    const provider = sandbox();
    const far = { from: START + 30 * DAY, to: START + 31 * DAY };
    provider.addDevice({ deviceId: 'd2', model: 'august', codeLengths: [6], maxCodes: 10, offline: [far] });
    await clock.tickAsync(32 * DAY);
    expect(events()).toEqual([
      [30 * DAY, 'device.disconnected', undefined],
      [31 * DAY, 'device.connected', undefined],
    ]);
  });
});
