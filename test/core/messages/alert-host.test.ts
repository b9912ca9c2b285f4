import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordLockEvent } from '#core/locks/provider-events.ts';
import { sendCodeMessage } from '#core/messages/send-code-message.ts';
import { checkProvisioning } from '#core/provisioning/check.ts';
import { updateReservation } from '#core/reservations/update.ts';
import { type Failures, SendingWorld } from '../../support/counting-senders.ts';
import { HOST, type MessageWorld, MINUTE } from '../../support/message-world.ts';

// R8.2: host alerts go out once per stay window or per outage, and a failed send is retried.

let sending: SendingWorld;
let world: MessageWorld;
const deps = (fail: Failures = {}) => sending.deps(fail);
const book = () => sending.book();
const sent = () => sending.sent;

beforeAll(async () => {
  sending = await SendingWorld.start(Date.parse('2026-12-01T12:00:00Z'));
  world = sending.world;
});
afterAll(() => world?.stop());
beforeEach(() => {
  sending.sent = SendingWorld.nothingSent();
});

describe('R8.2 host alerts are sent once', () => {
  const failOn = (id: string) =>
    updateReservation(world.runtime.deps, HOST, id, (r) => {
      const state = r.code.locks[0];
      if (!state) return false;
      state.status = 'failed';
      state.lastError = 'failed_to_set';
      r.timeline.push({
        at: Date.now(),
        event: 'code.attempt_failed',
        lockId: state.lockId,
        detail: 'failed_to_set',
      });
      return true;
    });

  it('alerts that the code failed with no backup, once, and never names the PIN', async () => {
    const id = await book();
    await failOn(id);
    await sendCodeMessage(deps(), HOST, id);
    await sendCodeMessage(deps(), HOST, id);
    expect(sent().alerts.map((a) => a.kind)).toEqual(['code_failed']);
    const pin = (await world.reservation(id)).code.pin;
    expect(`${sent().alerts[0]?.subject} ${sent().alerts[0]?.text} ${sent().alerts[0]?.html}`).not.toContain(
      pin,
    );
    expect(sent().alerts[0]?.text).toContain('No backup code is available');
  });

  it('gives a failed alert back, so the retried step sends it', async () => {
    const id = await book();
    await failOn(id);
    await expect(
      sendCodeMessage(deps({ alerts: () => new Error('SES throttled') }), HOST, id),
    ).rejects.toThrow('SES throttled');
    expect((await world.reservation(id)).timeline.at(-1)).toMatchObject({
      event: 'host.alert_failed',
      detail: 'code_failed: SES throttled',
    });
    await sendCodeMessage(deps(), HOST, id);
    expect(sent().alerts.map((a) => a.kind)).toEqual(['code_failed']);
    expect(sent().email).toHaveLength(1);
  });

  it('alerts when the retries run out with the code still not on a lock, once', async () => {
    const id = await book();
    const now = Date.now();
    await updateReservation(world.runtime.deps, HOST, id, (r) => {
      const state = r.code.locks[0];
      if (!state) return false;
      r.code.activeFrom = now - 24 * 60 * MINUTE;
      r.code.activeUntil = now + MINUTE;
      state.status = 'failed';
      state.attemptedAt = [now - 48 * 60 * MINUTE];
      return true;
    });
    const input = { hostId: HOST, reservationId: id };
    expect(await checkProvisioning(deps(), input)).toEqual({ outcome: 'stopped' });
    expect(await checkProvisioning(deps(), input)).toEqual({ outcome: 'stopped' });
    expect(sent().alerts.map((a) => a.kind)).toEqual(['code_failed']);
    expect(sent().alerts[0]?.text).toContain('retried until the end of the stay');
  });

  it('alerts once per outage for a redelivered disconnection, and again after a failed send', async () => {
    const event = (type: 'device.connected' | 'device.disconnected', occurredAt: number) =>
      ({ provider: 'sandbox', type, deviceId: 'door', occurredAt }) as const;
    const t = Date.now();
    await expect(
      recordLockEvent(deps({ alerts: () => new Error('SES down') }), event('device.disconnected', t)),
    ).rejects.toThrow('SES down');
    expect(await recordLockEvent(deps(), event('device.disconnected', t))).toBe('recorded');
    expect(await recordLockEvent(deps(), event('device.disconnected', t))).toBe('ignored');
    expect(await recordLockEvent(deps(), event('device.disconnected', t + MINUTE))).toBe('ignored');
    expect(await recordLockEvent(deps(), event('device.connected', t + 2 * MINUTE))).toBe('recorded');
    expect(await recordLockEvent(deps(), event('device.disconnected', t + MINUTE))).toBe('ignored');
    expect(await recordLockEvent(deps(), event('device.disconnected', t + 3 * MINUTE))).toBe('recorded');
    expect(sent().alerts.map((a) => [a.kind, a.lockId])).toEqual([
      ['lock_disconnected', 'door'],
      ['lock_disconnected', 'door'],
    ]);
    expect(sent().alerts[0]?.subject).toBe('door is offline');
  });
});
