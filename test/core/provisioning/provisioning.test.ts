import { afterEach, describe, expect, it } from 'vitest';
import { LockProviderError } from '#core/errors.ts';
import { attemptProvisioning } from '#core/provisioning/attempt.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import { CONFIRMATION, device, HOST, LockWorld, MINUTE } from '../lock-world.ts';

// The provisioning workflow's fallbacks (R3.3, R3.4) on the real runtime and the synthesized
// definition, in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
// Check-in 2027-01-10T15:00 (UTC): native locks are programmed three days before (R2.3).
const PROGRAMMING = Date.parse('2027-01-07T15:00:00Z');
/** R4.1: after an attempt with no confirmation to await, the next one comes 5 minutes later. */
const NEXT_ATTEMPT = PROGRAMMING + 5 * MINUTE;

const attempts = (
  r: { timeline: { event: string; lockId?: string | undefined; at: number }[] },
  lockId: string,
) =>
  r.timeline
    .filter((e) => e.lockId === lockId && /^code\.(requested|attempt_failed)$/.test(e.event))
    .map((e) => e.at);

describe('R3.3 a lock rejects the PIN as a duplicate', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const bookOnTwoLocks = async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('front');
    await world.lock('back');
    await world.match('villa', 'front');
    await world.match('villa', 'back');
    return world.book('r1', 'villa', '2027-01-10T15:00', '2027-01-12T10:00');
  };

  it('chooses a new PIN and sets it on every lock on the next attempt', async () => {
    const booked = await bookOnTwoLocks();
    const oldPin = booked.code.pin;
    // Someone programs the same PIN on the back door after Lockstep chose it.
    await world.runtime.sandbox.createCode({ deviceId: device('back'), code: oldPin, name: 'Cleaner' });
    await world.runUntil(PROGRAMMING + CONFIRMATION);

    const replaced = await world.reservation('r1');
    expect(replaced.code.pin).not.toBe(oldPin);
    expect(replaced.code.locks.map((s) => [s.lockId, s.status, s.lastError])).toEqual([
      ['front', 'pending', undefined],
      ['back', 'failed', 'duplicate_code'],
    ]);
    expect(world.pinsOn('front')).toEqual([]); // the old PIN left the front door

    await world.runUntil(NEXT_ATTEMPT + CONFIRMATION);
    const r1 = await world.reservation('r1');
    expect(r1.code.pin).toBe(replaced.code.pin);
    expect(r1.code.locks.map((s) => [s.lockId, s.status])).toEqual([
      ['front', 'set'],
      ['back', 'set'],
    ]);
    expect(world.pinsOn('front')).toEqual([r1.code.pin]);
    expect(world.pinsOn('back')).toEqual([oldPin, r1.code.pin]); // the cleaner's code stays
    expect(attempts(r1, 'front')).toEqual([PROGRAMMING, NEXT_ATTEMPT]);
    expect(attempts(r1, 'back')).toEqual([PROGRAMMING, NEXT_ATTEMPT]);
    world.expectClean();
  });

  it('records the replacement and its reason on the timeline, never the PIN (R8.1, R9.4)', async () => {
    const booked = await bookOnTwoLocks();
    await world.runtime.sandbox.createCode({
      deviceId: device('back'),
      code: booked.code.pin,
      name: 'Cleaner',
    });
    await world.runUntil(NEXT_ATTEMPT + CONFIRMATION);
    const r1 = await world.reservation('r1');
    expect(r1.timeline.filter((e) => e.event === 'code.pin_replaced')).toEqual([
      { at: PROGRAMMING, event: 'code.pin_replaced', detail: 'lock back refused the PIN as a duplicate' },
    ]);
    expect(r1.timeline).toContainEqual({
      at: PROGRAMMING,
      event: 'code.removal_requested',
      lockId: 'front',
      detail: 'PIN replaced',
    });
    for (const e of r1.timeline) {
      expect(e.detail ?? '').not.toContain(booked.code.pin);
      expect(e.detail ?? '').not.toContain(r1.code.pin);
    }
  });

  it('does not count its own code, requested by a second execution at the same moment, as a duplicate', async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('front');
    await world.lock('back');
    await world.match('villa', 'front');
    await world.match('villa', 'back');
    // Due at once; its scheduled execution has not started yet when the two attempts below run.
    const booked = await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-06T10:00');
    const input = { hostId: HOST, reservationId: 'r1' };
    const both = await Promise.all([
      attemptProvisioning(world.runtime.deps, input),
      attemptProvisioning(world.runtime.deps, input),
    ]);
    expect(both.map((b) => b.requested).sort()).toEqual([2, 2]);
    await world.runUntil(START + CONFIRMATION);
    const r1 = await world.reservation('r1');
    expect(r1.code.pin).toBe(booked.code.pin);
    expect(r1.timeline.map((e) => e.event)).not.toContain('code.pin_replaced');
    expect(world.pinsOn('front')).toEqual([booked.code.pin]);
    expect(world.pinsOn('back')).toEqual([booked.code.pin]);
    expect(r1.code.locks.map((s) => s.status)).toEqual(['set', 'set']);
    world.expectClean();
  });
});

describe('R3.4 a lock rejects the code name', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  /** A provider in front of the sandbox that refuses one name without a reason, as some locks do. */
  const refusingName = (inner: LockProvider, refused: string): LockProvider => ({
    name: inner.name,
    createCode: async (request) => {
      if (request.name === refused) throw new LockProviderError('name_rejected', 'name rejected by the lock');
      return inner.createCode(request);
    },
    createOfflineCode: (request) => inner.createOfflineCode(request),
    updateCode: (deviceId, accessCodeId, changes) => inner.updateCode(deviceId, accessCodeId, changes),
    deleteCode: (deviceId, accessCodeId) => inner.deleteCode(deviceId, accessCodeId),
    getCode: (deviceId, accessCodeId) => inner.getCode(deviceId, accessCodeId),
    listCodes: (deviceId) => inner.listCodes(deviceId),
    getDevice: (deviceId) => inner.getDevice(deviceId),
  });

  it('names the code after the confirmation code and retries on the next attempt', async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('front');
    await world.match('villa', 'front');
    const sandbox = world.runtime.sandbox;
    world.runtime.deps.lockProvider = () => refusingName(sandbox, 'Zoe Ndiaye');
    const booked = await world.book('r1', 'villa', '2027-01-10T15:00', '2027-01-12T10:00', {
      name: 'Zoe Ndiaye',
      email: 'zoe@example.com',
    });
    expect(booked.code.name).toBe('Zoe Ndiaye');

    await world.runUntil(PROGRAMMING);
    const rejected = await world.reservation('r1');
    expect(rejected.code.name).toBe('CONF-R1');
    expect(rejected.code.locks[0]).toMatchObject({ status: 'failed', lastError: 'name_rejected' });
    expect(rejected.timeline).toContainEqual({
      at: PROGRAMMING,
      event: 'code.name_replaced',
      lockId: 'front',
      detail: 'lock front rejected the name; the confirmation code names the code',
    });

    await world.runUntil(NEXT_ATTEMPT + CONFIRMATION);
    const r1 = await world.reservation('r1');
    expect(r1.code.locks[0]?.status).toBe('set');
    expect(r1.code.locks[0]?.lastError).toBeUndefined();
    expect(attempts(r1, 'front')).toEqual([PROGRAMMING, NEXT_ATTEMPT]);
    expect(world.runtime.sandbox.codesOnDevice(device('front'))).toEqual([
      expect.objectContaining({ code: booked.code.pin, name: 'CONF-R1' }),
    ]);
    expect(r1.code.pin).toBe(booked.code.pin);
    world.expectClean();
  });
});
