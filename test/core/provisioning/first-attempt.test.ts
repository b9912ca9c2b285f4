import { afterEach, describe, expect, it } from 'vitest';
import { LockProviderError } from '#core/errors.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import { CONFIRMATION, LockWorld, MINUTE } from '../lock-world.ts';

// The first attempt runs in the entry function and its check in an entry after the confirmation
// wait; the Standard workflow starts only for a lock left to retry (docs/decisions.md).

const START = Date.parse('2027-01-04T12:00:00Z');
// Check-in 2027-01-10T15:00 (UTC): native locks are programmed three days before (R2.3).
const PROGRAMMING = Date.parse('2027-01-07T15:00:00Z');
/** R4.2: the check reads the lock's status two minutes after the attempt requested the code. */
const CHECK = PROGRAMMING + 2 * MINUTE;

const attempts = (r: { timeline: { event: string; lockId?: string | undefined; at: number }[] }) =>
  r.timeline.filter((e) => e.event === 'code.requested').map((e) => e.at);

/** The sandbox behind a provider that fails transiently the first `times` code creations. */
const failingFirst = (inner: LockProvider, times: number): LockProvider => {
  let left = times;
  return {
    name: inner.name,
    createCode: async (request) => {
      if (left-- > 0) throw new LockProviderError('transient', 'provider unavailable');
      return inner.createCode(request);
    },
    updateCode: (deviceId, accessCodeId, changes) => inner.updateCode(deviceId, accessCodeId, changes),
    deleteCode: (deviceId, accessCodeId) => inner.deleteCode(deviceId, accessCodeId),
    getCode: (deviceId, accessCodeId) => inner.getCode(deviceId, accessCodeId),
    listCodes: (deviceId) => inner.listCodes(deviceId),
    getDevice: (deviceId) => inner.getDevice(deviceId),
    createOfflineCode: (request) => inner.createOfflineCode(request),
  };
};

describe('the first provisioning attempt, outside the workflow', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const bookOnOneLock = async (spec: { rejectNext?: number } = {}) => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('front', spec);
    await world.match('villa', 'front');
    return world.book('r1', 'villa', '2027-01-10T15:00', '2027-01-12T10:00');
  };

  it('R4.2 sets a code the lock confirms without starting a Standard workflow execution', async () => {
    await bookOnOneLock();
    const before = { ...world.runtime.calls };
    await world.runUntil(CHECK + MINUTE);

    const r1 = await world.reservation('r1');
    expect(r1.code.locks.map((s) => [s.lockId, s.status])).toEqual([['front', 'set']]);
    expect(attempts(r1)).toEqual([PROGRAMMING]);
    expect(world.runtime.calls.stepFunctions - before.stepFunctions).toBe(0);
    expect(world.runtime.calls.stepFunctionsTransitions - before.stepFunctionsTransitions).toBe(0);
    // The attempt, the lock's confirmation webhook and the check: as with the workflow's two tasks.
    expect(world.runtime.calls.lambda - before.lambda).toBe(3);
    world.expectClean();
  });

  it('R4.1 hands a lock that refused the code to the workflow at the retry plan’s next attempt', async () => {
    await bookOnOneLock({ rejectNext: 1 });
    await world.runUntil(CHECK + MINUTE);
    const refused = await world.reservation('r1');
    expect(refused.code.locks[0]?.status).toBe('failed');
    const starts = world.runtime.calls.stepFunctions;

    await world.runUntil(PROGRAMMING + 3 * 3_600_000);
    const r1 = await world.reservation('r1');
    expect(r1.code.locks[0]?.status).toBe('set');
    // Attempt, 2-minute check, then the first retry 5 minutes on: the timing the workflow alone gave.
    expect(attempts(r1)).toEqual([PROGRAMMING, CHECK + 5 * MINUTE]);
    expect(world.runtime.calls.stepFunctions - starts).toBe(1);
    world.expectClean();
  });

  it('R4.1 lets the workflow’s Retry take over at once when the provider fails transiently', async () => {
    await bookOnOneLock();
    const provider = failingFirst(world.runtime.sandbox, 1);
    world.runtime.deps.lockProvider = () => provider;
    const starts = world.runtime.calls.stepFunctions;

    await world.runUntil(PROGRAMMING + CONFIRMATION + MINUTE);
    const r1 = await world.reservation('r1');
    expect(r1.code.locks[0]?.status).toBe('set');
    expect(world.runtime.calls.stepFunctions - starts).toBe(1);
    // The workflow's own attempt, seconds after the entry's (its transient Retry waits up to 2 s).
    expect(attempts(r1)).toHaveLength(1);
    expect((attempts(r1)[0] ?? 0) - PROGRAMMING).toBeLessThan(10_000);
    world.expectClean();
  });
});
