import { afterEach, describe, expect, it } from 'vitest';
import type { Reservation } from '#core/model.ts';
import { planAttempts } from '#core/provisioning/check.ts';
import { CONFIRMATION, LockWorld, MINUTE } from '../lock-world.ts';

// R4.1, R13.2: when Lockstep tries a lock again is recorded as the workflow plans it, so the host
// sees "what Lockstep is doing about it", and the attempt then comes at exactly that instant.

const START = Date.parse('2027-01-04T12:00:00Z');
// Check-in 2027-01-10T15:00 (UTC): native locks are programmed three days before (R2.3).
const PROGRAMMING = Date.parse('2027-01-07T15:00:00Z');

/** The provider rejects by webhook; the workflow's Check step runs once the confirmation wait ends. */
const CHECKED = PROGRAMMING + 2 * MINUTE + 1_000;

const attempts = (r: Reservation, lockId: string) =>
  r.timeline
    .filter((e) => e.lockId === lockId && /^code\.(requested|attempt_failed)$/.test(e.event))
    .map((e) => e.at);

interface DoorView {
  lockId: string;
  status: string;
  nextAttemptAt?: string;
}

describe('R4.1 the next attempt on a failing lock, as the host sees it (R13.2)', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const doors = async (): Promise<DoorView[]> =>
    (await world.api('GET', '/v1/reservations/r1')).body.code.locks as DoorView[];

  const bookOnARefusingLock = async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('front');
    await world.lock('cellar', { rejectNext: 1000 });
    await world.match('villa', 'front');
    await world.match('villa', 'cellar');
    await world.book('r1', 'villa', '2027-01-10T15:00', '2027-01-12T10:00');
  };

  it('plans none before the programming time (R2.3)', async () => {
    await bookOnARefusingLock();
    expect((await doors()).map((d) => d.nextAttemptAt)).toEqual([undefined, undefined]);
  });

  it('shows the refused lock’s next attempt, and the attempt comes then', async () => {
    await bookOnARefusingLock();
    await world.runUntil(CHECKED);
    const [front, cellar] = await doors();
    expect(front).toMatchObject({ lockId: 'front', status: 'set' });
    expect(front?.nextAttemptAt).toBeUndefined();
    expect(cellar).toMatchObject({ lockId: 'cellar', status: 'failed' });
    const planned = Date.parse(cellar?.nextAttemptAt ?? 'none');
    expect(planned).toBeGreaterThan(CHECKED);

    await world.runUntil(planned + CONFIRMATION);
    const r1 = await world.reservation('r1');
    expect(attempts(r1, 'cellar')).toEqual([PROGRAMMING, planned]);
    // Between an attempt and its Check step no plan is shown: the attempt is under way.
    expect((await doors())[1]?.nextAttemptAt).toBeUndefined();
    await world.runUntil(planned + 2 * MINUTE + 1_000);
    expect(Date.parse((await doors())[1]?.nextAttemptAt ?? 'none')).toBeGreaterThan(planned + 2 * MINUTE);
  });
});

describe('planAttempts: the planned instants written on the reservation', () => {
  const withLocks = (...locks: Reservation['code']['locks']): Reservation =>
    ({ code: { locks } }) as unknown as Reservation;

  it('gives each lock still needing an attempt its instant, and none to a lock with its code', () => {
    const r = withLocks(
      { lockId: 'a', status: 'failed', attemptedAt: [1] },
      { lockId: 'b', status: 'set', attemptedAt: [1], nextAttemptAt: 5 },
    );
    expect(
      planAttempts(
        r,
        new Map([
          ['a', 10],
          ['b', 10],
        ]),
      ),
    ).toBe(true);
    expect(r.code.locks.map((s) => s.nextAttemptAt)).toEqual([10, undefined]);
  });

  it('clears every plan when none is left (the window ended)', () => {
    const r = withLocks({ lockId: 'a', status: 'failed', attemptedAt: [1], nextAttemptAt: 10 });
    expect(planAttempts(r, new Map())).toBe(true);
    expect(r.code.locks[0]?.nextAttemptAt).toBeUndefined();
  });

  it('reports no change when the plan is already there, so nothing is written', () => {
    const r = withLocks({ lockId: 'a', status: 'pending', attemptedAt: [1], nextAttemptAt: 10 });
    expect(planAttempts(r, new Map([['a', 10]]))).toBe(false);
  });
});
