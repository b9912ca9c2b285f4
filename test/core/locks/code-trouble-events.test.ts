import { afterEach, describe, expect, it } from 'vitest';
import { type LockEvent, recordLockEvent } from '#core/locks/provider-events.ts';
import { CONFIRMATION, device, HOUR, LockWorld } from '../lock-world.ts';

// A provider reports that a removal failed on the lock, or that a code was deleted outside it: on the
// real runtime (store, workflow, sandbox locks) in virtual time. The events are given to the core as
// the lock webhook route would, since the sandbox itself never fails a removal.

const START = Date.parse('2027-01-04T12:00:00Z');
const CHECK_OUT = Date.parse('2027-01-06T10:00:00Z');
const DAY = 24 * HOUR;

let world: LockWorld;
afterEach(() => world.stop());

async function bookedAndSet(lock: Parameters<LockWorld['lock']>[1] = {}): Promise<string> {
  await world.property('villa');
  await world.lock('front', lock);
  await world.match('villa', 'front');
  await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-06T10:00');
  await world.runUntil(START + CONFIRMATION);
  const state = (await world.reservation('r1')).code.locks[0];
  expect(state?.status).toBe('set');
  return state?.accessCodeId ?? '';
}

const event = (type: LockEvent['type'], accessCodeId: string, occurredAt = Date.now()): LockEvent => ({
  provider: 'sandbox',
  type,
  deviceId: device('front'),
  accessCodeId,
  occurredAt,
});

const alertsOf = (kind: string) =>
  world.runtime.outbox.entries.filter((e) => e.via === 'alert' && e.message.kind === kind);

describe('R1.4, R4.2 a code deleted from the lock outside the provider', () => {
  it('no longer counts as set and is programmed again at once', async () => {
    world = await LockWorld.start(START);
    const first = await bookedAndSet();
    const { pin } = (await world.reservation('r1')).code;
    world.runtime.sandbox.wipe(device('front'));

    await world.runUntil(START + HOUR);
    expect(await recordLockEvent(world.runtime.deps, event('access_code.deleted_externally', first))).toBe(
      'recorded',
    );
    const reset = await world.reservation('r1');
    expect(reset.code.locks[0]?.status).not.toBe('set');
    expect(reset.timeline).toContainEqual(
      expect.objectContaining({
        event: 'code.missing_on_lock',
        lockId: 'front',
        detail: 'deleted outside Lockstep',
      }),
    );

    await world.runUntil(START + HOUR + CONFIRMATION);
    const again = (await world.reservation('r1')).code.locks[0];
    expect([again?.status, again?.accessCodeId === first]).toEqual(['set', false]);
    expect(world.pinsOn('front')).toEqual([pin]);
    world.expectClean();
  });

  it('R7.3 counts as removed when it was on its way out, and a second report changes nothing', async () => {
    world = await LockWorld.start(START);
    const code = await bookedAndSet({ offline: [{ from: CHECK_OUT + DAY - HOUR, to: CHECK_OUT + 3 * DAY }] });
    await world.runUntil(CHECK_OUT + DAY + HOUR);
    expect(await world.lockStatus('r1', 'front')).toBe('removing');

    const report = event('access_code.deleted_externally', code);
    expect(await recordLockEvent(world.runtime.deps, report)).toBe('recorded');
    expect(await world.lockStatus('r1', 'front')).toBe('removed');
    expect(await recordLockEvent(world.runtime.deps, report)).toBe('ignored');
  });
});

describe('R7.3 a removal the lock reports as failed', () => {
  it('stays unconfirmed, is on the timeline and counted, and alerts the host once per lock', async () => {
    world = await LockWorld.start(START);
    const code = await bookedAndSet({ offline: [{ from: CHECK_OUT + DAY - HOUR, to: CHECK_OUT + 3 * DAY }] });
    await world.runUntil(CHECK_OUT + DAY + HOUR);
    expect(await world.lockStatus('r1', 'front')).toBe('removing');

    const failed = event('access_code.failed_to_remove_from_device', code);
    expect(await recordLockEvent(world.runtime.deps, failed)).toBe('recorded');
    expect(await recordLockEvent(world.runtime.deps, failed)).toBe('recorded');
    const r1 = await world.reservation('r1');
    expect(r1.code.locks[0]?.status).toBe('removing');
    expect(r1.timeline).toContainEqual(
      expect.objectContaining({
        event: 'code.removal_failed',
        lockId: 'front',
        detail: 'reported by the lock provider',
      }),
    );
    expect(world.runtime.metrics.total('CodeRemovalsFailed')).toBe(2);
    const alerts = alertsOf('code_not_removed');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts)).not.toContain(r1.code.pin);
  });

  it('is retried by the deletion entry until the lock confirms the removal', async () => {
    world = await LockWorld.start(START);
    const code = await bookedAndSet({ offline: [{ from: CHECK_OUT + DAY - HOUR, to: CHECK_OUT + 3 * DAY }] });
    await world.runUntil(CHECK_OUT + DAY + HOUR);
    await recordLockEvent(world.runtime.deps, event('access_code.failed_to_remove_from_device', code));

    await world.runUntil(CHECK_OUT + 4 * DAY);
    expect(await world.lockStatus('r1', 'front')).toBe('removed');
    expect(world.pinsOn('front')).toEqual([]);
    world.expectClean();
  });

  it('is ignored for a code that was not being removed', async () => {
    world = await LockWorld.start(START);
    const code = await bookedAndSet();
    const failed = event('access_code.failed_to_remove_from_device', code);
    expect(await recordLockEvent(world.runtime.deps, failed)).toBe('ignored');
    expect(alertsOf('code_not_removed')).toEqual([]);
  });
});
