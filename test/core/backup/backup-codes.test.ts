import { afterEach, describe, expect, it } from 'vitest';
import type { BackupPoolView } from '#core/backup/pool-view.ts';
import { CONFIRMATION, HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// Backup code pools (R6) and when a backup is issued (R4.4), on the real runtime in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('R6 backup code pools', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const pool = async (lockId: string) =>
    (await world.api('GET', `/v1/locks/${lockId}/backup-pool`)).body as BackupPoolView;

  it('R1.2 R6.1 programs five pool codes when a lock is matched, each unlike the guests’ PINs', async () => {
    world = await LockWorld.start(START);
    await world.property('villa', { backupCodes: true });
    await world.lock('front');
    await world.match('villa', 'front');
    await world.runUntil(START + CONFIRMATION);
    const view = await pool('front');
    expect(view.codes.map((c) => c.status)).toEqual(['set', 'set', 'set', 'set', 'set']);
    expect(view.signals).toEqual([]);
    expect(view.events.map((e) => [e.signal, e.active])).toEqual([
      ['empty_backup_access_code_pool', true],
      ['empty_backup_access_code_pool', false],
    ]);
    const poolPins = world.pinsOn('front');
    expect(poolPins).toHaveLength(5);
    const r = await world.book('r1', 'villa', '2027-01-20T15:00', '2027-01-22T10:00');
    expect(poolPins).not.toContain(r.code.pin);
    world.expectClean();
  });

  it('R6.1 keeps no pool for a property that gives no backups, nor on a model without the capability', async () => {
    world = await LockWorld.start(START);
    await world.property('plain');
    await world.property('villa', { backupCodes: true });
    await world.lock('front');
    await world.lock('gate', { model: 'igloohome', codeLengths: [4, 5, 6] });
    await world.match('plain', 'front');
    await world.match('villa', 'gate');
    await world.runUntil(START + CONFIRMATION);
    expect(world.pinsOn('front')).toEqual([]);
    expect(world.pinsOn('gate')).toEqual([]);
    expect((await pool('gate')).size).toBe(0);
  });

  it('R1.3 deletes the pool with the guests’ codes when the lock serves no property any more', async () => {
    world = await LockWorld.start(START);
    await world.property('villa', { backupCodes: true });
    await world.lock('front');
    await world.match('villa', 'front');
    await world.runUntil(START + CONFIRMATION);
    expect(world.pinsOn('front')).toHaveLength(5);
    await world.unmatch('villa', 'front');
    await world.runUntil(START + 2 * CONFIRMATION);
    expect(world.pinsOn('front')).toEqual([]);
    expect((await pool('front')).codes).toEqual([]);
    world.expectClean();
  });

  it('answers 404 for a lock the host does not have (R9.3)', async () => {
    world = await LockWorld.start(START);
    expect((await world.api('GET', '/v1/locks/nope/backup-pool')).status).toBe(404);
  });
});

describe('R4.4 a backup for a code that cannot be set in time', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  /** A lock without native scheduling, its pool programmed at START, offline from START + 1 h. */
  const offlineHut = async (until: number, nativeScheduling = false) => {
    world = await LockWorld.start(START);
    await world.property('hut', { backupCodes: true });
    await world.lock('door', { nativeScheduling, offline: [{ from: START + HOUR, to: until }] });
    await world.match('hut', 'door');
    await world.runUntil(START + 2 * HOUR);
  };

  it('issues a backup within a minute of a last-minute booking and the message due at once carries it (R4.4, R5.1)', async () => {
    await offlineHut(START + 48 * HOUR);
    const bookedAt = Date.now();
    await world.book('r1', 'hut', iso(bookedAt + 5 * MINUTE), iso(bookedAt + 20 * HOUR));
    await world.runUntil(bookedAt + MINUTE);
    const r = await world.reservation('r1');
    expect(r.code.backup).toMatchObject({ lockId: 'door', issuedAt: bookedAt });
    const message = r.guestMessages?.find((m) => m.kind === 'code');
    expect(message).toMatchObject({ pin: r.code.backup?.pin, isBackup: true });
    expect(message?.at).toBeLessThanOrEqual(bookedAt + MINUTE);
    expect(world.pinsOn('door')).toContain(r.code.backup?.pin);
    expect(r.timeline.some((e) => e.detail?.includes(r.code.backup?.pin ?? '-'))).toBe(false);
  });

  it('issues a backup at acceptance for a booking less than 36 hours ahead on an offline lock (R4.4)', async () => {
    await offlineHut(START + 48 * HOUR);
    const bookedAt = Date.now();
    await world.book('r1', 'hut', iso(bookedAt + 30 * HOUR), iso(bookedAt + 40 * HOUR));
    expect((await world.reservation('r1')).code.backup?.issuedAt).toBe(bookedAt);
  });

  it('issues none at acceptance when activeFrom is 36 hours away or more', async () => {
    await offlineHut(START + 48 * HOUR);
    const bookedAt = Date.now();
    await world.book('r1', 'hut', iso(bookedAt + 37 * HOUR), iso(bookedAt + 40 * HOUR));
    expect((await world.reservation('r1')).code.backup).toBeUndefined();
  });

  it('retires the issued code at activeUntil and programs a fresh one in its place (R6.3)', async () => {
    await offlineHut(START + 4 * HOUR);
    const bookedAt = Date.now();
    const r = await world.book('r1', 'hut', iso(bookedAt + 5 * MINUTE), iso(bookedAt + 20 * HOUR));
    await world.runUntil(r.code.activeUntil + CONFIRMATION);
    const backup = (await world.reservation('r1')).code.backup;
    expect(backup).toBeDefined();
    expect(world.pinsOn('door')).not.toContain(backup?.pin);
    const view = (await world.api('GET', '/v1/locks/door/backup-pool')).body as BackupPoolView;
    expect(view.codes.map((c) => c.status)).toEqual(['set', 'set', 'set', 'set', 'set']);
  });

  it('tells the guest their own code and returns the unused backup when the code is confirmed before the message (R6.2)', async () => {
    await offlineHut(START + 10 * HOUR, true);
    const bookedAt = Date.now();
    const r = await world.book('r1', 'hut', iso(bookedAt + 20 * HOUR), iso(bookedAt + 30 * HOUR));
    expect(r.code.backup).toBeDefined();
    await world.runUntil(r.code.activeFrom);
    const after = await world.reservation('r1');
    expect(after.code.backup).toBeUndefined();
    expect(after.timeline.map((e) => e.event)).toContain('backup.returned');
    expect(after.guestMessages?.find((m) => m.kind === 'code')).toMatchObject({
      pin: r.code.pin,
      isBackup: false,
    });
    const view = (await world.api('GET', '/v1/locks/door/backup-pool')).body as BackupPoolView;
    expect(view.codes.filter((c) => c.status === 'issued')).toEqual([]);
  });
});

describe('R6.5 access_method webhooks to the host', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  it('sends access_method.issued at acceptance and access_method.reissued with the backup code', async () => {
    world = await LockWorld.start(START);
    await world.property('hut', { backupCodes: true, outboundWebhookUrl: 'https://host.example/hooks' });
    await world.lock('door', {
      nativeScheduling: false,
      offline: [{ from: START + HOUR, to: START + 48 * HOUR }],
    });
    await world.match('hut', 'door');
    await world.runUntil(START + 2 * HOUR);
    const bookedAt = Date.now();
    await world.book('r1', 'hut', iso(bookedAt + 5 * MINUTE), iso(bookedAt + 20 * HOUR));
    const r = await world.reservation('r1');
    const bodies = world.runtime.webhooks.deliveries.map((d) => JSON.parse(d.body));
    expect(bodies.map((b) => [b.type, b.code, b.is_backup_code])).toEqual([
      ['access_method.issued', r.code.pin, false],
      ['access_method.reissued', r.code.backup?.pin, true],
    ]);
    expect(
      world.runtime.webhooks.deliveries.every((d) => d.headers['webhook-signature']?.startsWith('v1,')),
    ).toBe(true);
  });
});
