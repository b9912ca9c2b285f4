import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, LockWorld, MINUTE } from './lock-world.ts';

// Issue 8: the operational counts the use cases record (CloudWatch metrics on AWS), on the real
// runtime in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

/** One stay on one lock, run past its code's confirmation and its code message. */
async function stayPastItsCodeMessage(): Promise<LockWorld> {
  const world = await LockWorld.start(START);
  await world.property('villa');
  await world.lock('front');
  await world.match('villa', 'front');
  await world.book('r1', 'villa', iso(START + 48 * HOUR), iso(START + 72 * HOUR));
  await world.runUntil(START + 49 * HOUR);
  return world;
}

describe('operational metrics', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  it('counts a code confirmed on a lock and the code message sent, by channel', async () => {
    world = await stayPastItsCodeMessage();

    const metrics = world.runtime.metrics;
    expect(await world.lockStatus('r1', 'front')).toBe('set');
    expect(metrics.total('CodesSet')).toBe(1);
    expect(metrics.total('MessagesSent', { channel: 'email' })).toBe(1);
    expect(metrics.total('RetriesPlanned')).toBe(0);
    expect(metrics.total('BackupsIssued')).toBe(0);
  });

  it('counts the retries planned for an offline lock and the backup issued in its place', async () => {
    world = await LockWorld.start(START);
    await world.property('hut', { backupCodes: true });
    await world.lock('door', {
      nativeScheduling: false,
      offline: [{ from: START + HOUR, to: START + 48 * HOUR }],
    });
    await world.match('hut', 'door');
    await world.runUntil(START + 2 * HOUR);
    const bookedAt = Date.now();
    await world.book('r1', 'hut', iso(bookedAt + 5 * MINUTE), iso(bookedAt + 20 * HOUR));
    await world.runUntil(bookedAt + 2 * HOUR);

    const metrics = world.runtime.metrics;
    expect((await world.reservation('r1')).code.backup).toBeDefined();
    expect(metrics.total('BackupsIssued')).toBe(1);
    expect(metrics.total('RetriesPlanned')).toBeGreaterThan(0);
  });

  it('R9.4 records no PIN in any metric', async () => {
    world = await stayPastItsCodeMessage();

    const pin = (await world.reservation('r1')).code.pin;
    expect(world.runtime.metrics.recorded.length).toBeGreaterThan(0);
    expect(JSON.stringify(world.runtime.metrics.recorded)).not.toContain(pin);
  });
});
