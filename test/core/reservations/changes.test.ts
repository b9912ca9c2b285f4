import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SandboxDeviceSpec } from '#adapters/local/sandbox-locks.ts';
import { LockProviderError } from '#core/errors.ts';
import type { ReservationInput } from '#core/model.ts';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { CONFIRMATION, device, HOST, HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R7.1–R7.3 on the real runtime (channel webhook, store, synthesized workflow, deletion entry and
// sandbox locks) in virtual time, for what the example scenario cannot show: refusals and retries.

const START = Date.parse('2027-01-04T12:00:00Z');
/** The sandbox confirms a change exactly this long after it reaches an online lock. */
const CONFIRMED = 20_000;
const at = (iso: string) => Date.parse(iso);

let world: LockWorld;
let events = 0;
afterEach(() => world.stop());

const stay = (id: string, overrides: Partial<ReservationInput> = {}): ReservationInput => ({
  reservationId: id,
  propertyId: 'villa',
  channel: 'direct',
  confirmationCode: `CONF-${id}`.toUpperCase(),
  guest: { name: `Guest ${id}`, email: `${id}@example.com` },
  checkIn: '2027-01-05T15:00',
  checkOut: '2027-01-07T10:00',
  ...overrides,
});

/** A channel event through the signed webhook, happening now. */
async function send(type: 'reservation.modified' | 'reservation.cancelled', fields: ReservationInput) {
  const eventId = `chg-${++events}`;
  const body = reservationEventBody(type, eventId, HOST, Date.now(), fields);
  const secret = world.runtime.channelSecrets[0] ?? '';
  const reply = await world.runtime.request({
    method: 'POST',
    path: '/webhooks/channel',
    ...signedDelivery(secret, eventId, Date.now(), body),
  });
  await world.time.settle();
  // Queued at the edge, then acted on by the inbox consumer (R9.5).
  expect(reply.statusCode).toBe(202);
  expect(world.runtime.inbox.outcome(eventId)?.statusCode).toBe(200);
}

const onDevice = (lockId: string) => world.runtime.sandbox.codesOnDevice(device(lockId));
const timeline = async (id: string, lockId: string) =>
  (await world.reservation(id)).timeline.filter((e) => e.lockId === lockId).map((e) => [e.at, e.event]);

async function villa(locks: Record<string, Partial<SandboxDeviceSpec>>) {
  world = await LockWorld.start(START);
  await world.property('villa');
  for (const [lockId, spec] of Object.entries(locks)) {
    await world.lock(lockId, spec);
    await world.match('villa', lockId);
  }
}

describe('R7.1 a changed stay on the locks', () => {
  it('puts a fresh code with the new window on a lock that refused the window update', async () => {
    await villa({ front: {} });
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    await world.runUntil(Date.now() + CONFIRMATION);
    vi.spyOn(world.runtime.sandbox, 'updateCode').mockRejectedValueOnce(
      new LockProviderError('failed_to_set', 'window refused'),
    );
    await send('reservation.modified', stay('r1', { checkOut: '2027-01-08T10:00' }));
    await world.runUntil(Date.now() + CONFIRMATION);

    const r1 = await world.reservation('r1');
    expect(r1.timeline.map((e) => e.event)).toContain('code.window_update_failed');
    expect(r1.code.locks[0]?.status).toBe('set');
    expect(r1.code.locks[0]?.attemptedAt).toHaveLength(2); // the first code, then its replacement
    expect(onDevice('front')).toEqual([
      expect.objectContaining({ code: r1.code.pin, endsAt: at('2027-01-08T10:00:00Z') }),
    ]);
    world.expectClean();
  });

  it('lets an execution retrying a rejected lock set the code with the newest window', async () => {
    await villa({ front: { rejectNext: 1 } });
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(await world.lockStatus('r1', 'front')).toBe('failed');
    await send(
      'reservation.modified',
      stay('r1', { checkIn: '2027-01-05T18:00', checkOut: '2027-01-09T10:00' }),
    );
    await world.runUntil(Date.now() + 10 * MINUTE);

    expect(await world.lockStatus('r1', 'front')).toBe('set');
    expect(onDevice('front')).toEqual([
      expect.objectContaining({ startsAt: at('2027-01-05T18:00:00Z'), endsAt: at('2027-01-09T10:00:00Z') }),
    ]);
    world.expectClean();
  });

  it('takes a code off a lock without native scheduling when the stay moves days later, and sets it again in time (R2.3)', async () => {
    await villa({ lobby: { nativeScheduling: false } });
    const r1 = await world.book('r1', 'villa', '2027-01-04T12:05', '2027-01-05T10:00');
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(world.pinsOn('lobby')).toEqual([r1.code.pin]);

    await send(
      'reservation.modified',
      stay('r1', { checkIn: '2027-01-08T15:00', checkOut: '2027-01-09T10:00' }),
    );
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(world.pinsOn('lobby')).toEqual([]); // it would have opened the door for three days

    await world.runUntil(at('2027-01-08T14:50:00Z') + CONFIRMATION);
    expect(world.pinsOn('lobby')).toEqual([r1.code.pin]);
    expect((await timeline('r1', 'lobby')).at(-1)).toEqual([at('2027-01-08T14:50:20Z'), 'code.set_on_lock']);
    world.expectClean();
  });

  it('chooses a new PIN when the new property’s lock already holds it, leaving that code alone (R3.3)', async () => {
    await villa({ front: {} });
    const r1 = await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    await world.runUntil(Date.now() + CONFIRMATION);
    await world.property('loft');
    await world.lock('gate', { existingCodes: [{ code: r1.code.pin, name: 'Cleaner' }] });
    await world.match('loft', 'gate');

    await send('reservation.modified', stay('r1', { propertyId: 'loft' }));
    await world.runUntil(Date.now() + CONFIRMATION);
    const moved = await world.reservation('r1');
    expect(moved.code.pin).not.toBe(r1.code.pin);
    expect(moved.code.locks.map((s) => [s.lockId, s.status])).toEqual([
      ['front', 'removed'],
      ['gate', 'set'],
    ]);
    expect(world.pinsOn('front')).toEqual([]);
    expect(world.pinsOn('gate')).toEqual([r1.code.pin, moved.code.pin]);
    world.expectClean();
  });
});

describe('R7.2 a cancelled reservation', () => {
  it('stops an execution retrying a rejected lock, and deletes what it sent a day after the cancellation', async () => {
    await villa({ front: { rejectNext: 1 } });
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    await world.runUntil(Date.now() + CONFIRMATION);
    await send('reservation.cancelled', stay('r1'));
    // A day later the code goes; an hour after that the entry finds the removal confirmed and stops.
    await world.runUntil(Date.now() + 25 * HOUR + CONFIRMATION);

    const r1 = await world.reservation('r1');
    expect(r1.code.locks[0]?.attemptedAt).toEqual([START]);
    expect(r1.code.locks[0]).toMatchObject({
      status: 'removed',
      removedAt: (r1.cancelledAt ?? 0) + 24 * HOUR + CONFIRMED,
    });
    expect(world.runtime.scheduler.pending()).toEqual([]);
    world.expectClean();
  });
});

describe('R7.3 deletion retries until the provider confirms', () => {
  const DUE = at('2027-01-08T10:00:00Z'); // activeUntil 2027-01-07T10:00 + 24 h

  it('asks again a minute after a deletion refused with a passing failure (R7.3, R9.5)', async () => {
    await villa({ front: {} });
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    const deleteCode = vi
      .spyOn(world.runtime.sandbox, 'deleteCode')
      .mockRejectedValueOnce(new LockProviderError('transient', 'provider unavailable'));
    await world.runUntil(DUE + 3 * HOUR);

    expect(await timeline('r1', 'front')).toEqual(
      expect.arrayContaining([
        [DUE, 'code.removal_requested'],
        [DUE, 'code.removal_failed'],
        [DUE + MINUTE + CONFIRMED, 'code.removed_from_lock'],
      ]),
    );
    expect(deleteCode).toHaveBeenCalledTimes(2);
    expect(world.pinsOn('front')).toEqual([]);
    expect(world.runtime.scheduler.pending()).toEqual([]); // confirmed: the entry stops
    world.expectClean();
  });

  it('cleans a lock that was offline at deletion time as soon as it reconnects, before the next retry', async () => {
    await villa({ front: { offline: [{ from: DUE - HOUR, to: DUE + 30 * MINUTE }] } });
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    vi.spyOn(world.runtime.sandbox, 'deleteCode').mockRejectedValueOnce(
      new LockProviderError('device_offline', 'device offline'),
    );
    await world.runUntil(DUE + 30 * MINUTE + CONFIRMATION);

    expect(world.pinsOn('front')).toEqual([]);
    expect(await world.lockStatus('r1', 'front')).toBe('removed');
    expect((await timeline('r1', 'front')).at(-1)).toEqual([
      DUE + 30 * MINUTE + CONFIRMED,
      'code.removed_from_lock',
    ]);
    world.expectClean();
  });

  it('counts a code the provider no longer knows as removed when it looks again (R4.2)', async () => {
    await villa({ front: {} });
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
    // The removal is accepted but its confirmation never arrives.
    vi.spyOn(world.runtime.sandbox, 'deleteCode').mockResolvedValueOnce(undefined);
    await world.runUntil(DUE + MINUTE);
    expect(await world.lockStatus('r1', 'front')).toBe('removing');
    vi.spyOn(world.runtime.sandbox, 'getCode').mockResolvedValueOnce(undefined);
    await world.runUntil(DUE + HOUR);

    expect((await world.reservation('r1')).code.locks[0]).toMatchObject({
      status: 'removed',
      removedAt: DUE + HOUR,
    });
  });
});
