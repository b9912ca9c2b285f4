import { afterEach, describe, expect, it } from 'vitest';
import { dueShard } from '#adapters/aws/table.ts';
import { runHealthcheckShard } from '#core/provisioning/healthcheck.ts';
import { HOST, HOUR, LockWorld } from '../lock-world.ts';

// R4.3: the daily healthcheck's shard step on the real runtime (the in-memory store's `byDue` shards), in virtual time.

const START = Date.parse('2027-01-04T13:00:00Z'); // 08:00 America/New_York
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('R4.3 daily healthcheck', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const setUp = async (backupCodes: boolean) => {
    world = await LockWorld.start(START - 5 * HOUR);
    await world.property('hut', { backupCodes });
    await world.lock('door', {
      nativeScheduling: false,
      offline: [{ from: START - 2 * HOUR, to: START + 72 * HOUR }],
    });
    await world.match('hut', 'door');
    // Booked while the lock was online; it goes offline two hours before the healthcheck.
    await world.book('soon', 'hut', iso(START + 20 * HOUR), iso(START + 40 * HOUR));
    await world.book('later', 'hut', iso(START + 30 * HOUR), iso(START + 40 * HOUR));
    await world.runUntil(START);
  };
  const check = (id: string) => runHealthcheckShard(world.runtime.deps, dueShard(HOST, id));

  it('gives a code due in the next 24 hours on an offline lock a backup', async () => {
    await setUp(true);
    const result = await check('soon');
    expect(result).toMatchObject({ examined: 1, atRisk: 1, backupsIssued: 1, alerted: 0 });
    expect((await world.reservation('soon')).code.backup?.lockId).toBe('door');
  });

  it('leaves alone a code already confirmed on its lock', async () => {
    world = await LockWorld.start(START - 5 * HOUR);
    await world.property('hut', { backupCodes: true });
    await world.lock('door', { offline: [{ from: START - 2 * HOUR, to: START + 72 * HOUR }] });
    await world.match('hut', 'door');
    await world.book('soon', 'hut', iso(START + 20 * HOUR), iso(START + 40 * HOUR));
    await world.runUntil(START);
    expect(await check('soon')).toMatchObject({ examined: 1, atRisk: 0 });
  });

  it('does not look at codes due later than 24 hours ahead', async () => {
    await setUp(true);
    const result = await check('later');
    expect(result.examined).toBe(dueShard(HOST, 'later') === dueShard(HOST, 'soon') ? 1 : 0);
    expect((await world.reservation('later')).code.backup).toBeUndefined();
  });

  it('alerts the host when the property gives no backups', async () => {
    await setUp(false);
    const result = await check('soon');
    expect(result).toMatchObject({ atRisk: 1, backupsIssued: 0, alerted: 1 });
    expect(
      world.runtime.outbox.entries.filter((e) => e.via === 'alert').map((e) => e.message.kind),
    ).toContain('code_failed');
  });
});
