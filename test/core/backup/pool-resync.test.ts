import { afterEach, describe, expect, it } from 'vitest';
import type { BackupPoolView } from '#core/backup/pool-view.ts';
import { CONFIRMATION, device, HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R1.4 with R6: a resync after a factory reset puts the backup pool back on the lock, on the real
// runtime (memory store) in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('R1.4 R6.1 resync restores the backup pool', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const pool = async (lockId: string) =>
    (await world.api('GET', `/v1/locks/${lockId}/backup-pool`)).body as BackupPoolView;
  const poolPins = async (lockId: string) =>
    (await world.runtime.deps.pools.listPoolCodes('host-1', lockId)).map((c) => c.pin).sort();

  const villaWithPool = async () => {
    world = await LockWorld.start(START);
    await world.property('villa', { backupCodes: true });
    await world.lock('front');
    await world.match('villa', 'front');
    await world.runUntil(START + CONFIRMATION);
  };

  it('programs every pool code again after a wipe, with the same PINs and no new pool code (R1.4, R6.1)', async () => {
    await villaWithPool();
    const pins = await poolPins('front');
    expect(world.pinsOn('front').sort()).toEqual(pins);
    world.runtime.sandbox.wipe(device('front'));
    await world.runUntil(START + HOUR);

    expect((await world.api('POST', '/v1/locks/front/resync')).status).toBe(200);
    expect((await pool('front')).codes.map((c) => c.status)).toEqual(Array(5).fill('requested'));
    await world.runUntil(START + HOUR + CONFIRMATION);

    expect(world.pinsOn('front').sort()).toEqual(pins);
    expect(await poolPins('front')).toEqual(pins);
    expect((await pool('front')).codes.map((c) => c.status)).toEqual(Array(5).fill('set'));
    world.expectClean();
  });

  it('R6.4 raises empty_backup_access_code_pool when the resync finds the pool gone and clears it once set again', async () => {
    await villaWithPool();
    world.runtime.sandbox.wipe(device('front'));
    await world.runUntil(START + HOUR);
    await world.api('POST', '/v1/locks/front/resync');
    expect((await pool('front')).signals).toEqual(['empty_backup_access_code_pool']);
    await world.runUntil(START + HOUR + CONFIRMATION);

    const view = await pool('front');
    expect(view.signals).toEqual([]);
    expect(view.events.map((e) => [e.at, e.signal, e.active])).toEqual([
      [new Date(START).toISOString(), 'empty_backup_access_code_pool', true],
      [new Date(START + 20_000).toISOString(), 'empty_backup_access_code_pool', false],
      [new Date(START + HOUR).toISOString(), 'empty_backup_access_code_pool', true],
      [new Date(START + HOUR + 20_000).toISOString(), 'empty_backup_access_code_pool', false],
    ]);
  });

  it('asks nothing of an intact lock’s pool', async () => {
    await villaWithPool();
    const before = world.runtime.sandbox.codesOnDevice(device('front'));
    await world.api('POST', '/v1/locks/front/resync');
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(world.runtime.sandbox.codesOnDevice(device('front'))).toEqual(before);
    expect((await pool('front')).codes.map((c) => c.status)).toEqual(Array(5).fill('set'));
  });
});

describe('R6.3 an issued backup lost in a reset', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  /** A hut whose lock is offline at a last-minute booking, so the guest holds a backup (R4.4). */
  const guestWithBackup = async () => {
    world = await LockWorld.start(START);
    await world.property('hut', { backupCodes: true });
    await world.lock('door', {
      nativeScheduling: false,
      offline: [{ from: START + HOUR, to: START + 4 * HOUR }],
    });
    await world.match('hut', 'door');
    await world.runUntil(START + 2 * HOUR);
    const bookedAt = Date.now();
    await world.book('r1', 'hut', iso(bookedAt + 5 * MINUTE), iso(bookedAt + 20 * HOUR));
    const r = await world.reservation('r1');
    expect(r.code.backup).toBeDefined();
    await world.runUntil(START + 5 * HOUR);
    return {
      pin: r.code.backup?.pin ?? '',
      poolCodeId: r.code.backup?.poolCodeId,
      activeUntil: r.code.activeUntil,
    };
  };

  it('is restored for the same guest with the same PIN and stays issued to them', async () => {
    const backup = await guestWithBackup();
    world.runtime.sandbox.wipe(device('door'));
    await world.api('POST', '/v1/locks/door/resync');
    await world.runUntil(Date.now() + CONFIRMATION);

    expect(world.pinsOn('door')).toContain(backup.pin);
    const issued = (await pool('door')).codes.filter((c) => c.status === 'issued');
    expect(issued).toEqual([expect.objectContaining({ poolCodeId: backup.poolCodeId, issuedTo: 'r1' })]);
    const r = await world.reservation('r1');
    expect(r.timeline.map((e) => [e.event, e.lockId])).toContainEqual(['backup.restored', 'door']);
    expect(r.timeline.some((e) => e.detail?.includes(backup.pin))).toBe(false); // R9.4
    world.expectClean();
  });

  it('is not handed to the next guest who needs a backup', async () => {
    const backup = await guestWithBackup();
    world.runtime.sandbox.wipe(device('door'));
    await world.api('POST', '/v1/locks/door/resync');
    await world.runUntil(Date.now() + CONFIRMATION);
    const second = await world.runtime.deps.reservations.getReservation('host-1', 'r1');
    expect(second?.code.backup?.pin).toBe(backup.pin);
    const free = (await world.runtime.deps.pools.listPoolCodes('host-1', 'door')).filter(
      (c) => c.status === 'set',
    );
    expect(free.map((c) => c.pin)).not.toContain(backup.pin);
    expect(free).toHaveLength(4);
  });

  it('still leaves the lock at activeUntil and a fresh code takes its place', async () => {
    const backup = await guestWithBackup();
    world.runtime.sandbox.wipe(device('door'));
    await world.api('POST', '/v1/locks/door/resync');
    await world.runUntil(backup.activeUntil + CONFIRMATION);
    expect(world.pinsOn('door')).not.toContain(backup.pin);
    expect((await pool('door')).codes.map((c) => c.status)).toEqual(Array(5).fill('set'));
    world.expectClean();
  });

  const pool = async (lockId: string) =>
    (await world.api('GET', `/v1/locks/${lockId}/backup-pool`)).body as BackupPoolView;
});
