import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R4.4, R6.5: a failure learned after the code message went out: the guest gets the backup in a
// follow-up on the same routes, and the host's endpoint gets access_method.reissued.

const START = Date.parse('2027-01-04T12:00:00Z');
const ACTIVE_FROM = Date.parse('2027-01-06T15:00:00Z'); // the property is on UTC, no buffers
const MESSAGE_AT = ACTIVE_FROM - 10 * MINUTE;
/** The provisioning workflow's Check runs this long after an attempt (the confirmation wait). */
const CHECK_AFTER = 2 * MINUTE;

let world: LockWorld;
afterEach(() => world.stop());

/**
 * A lock that programs ten minutes ahead and drops offline seconds after the request, before it
 * can confirm: the code message (at the same instant) finds nothing wrong and gives the own code.
 */
async function hut(backupCodes: boolean) {
  world = await LockWorld.start(START);
  await world.property('hut', { backupCodes, outboundWebhookUrl: 'https://host.example/hooks' });
  await world.lock('door', {
    nativeScheduling: false,
    offline: [{ from: MESSAGE_AT + 5_000, to: ACTIVE_FROM + 48 * HOUR }],
  });
  await world.match('hut', 'door');
  await world.book('r1', 'hut', '2027-01-06T15:00', '2027-01-08T10:00');
}

const sent = async () =>
  ((await world.reservation('r1')).guestMessages ?? [])
    .filter((m) => m.sent.length > 0)
    .map((m) => ({ at: m.at, pin: m.pin, isBackup: m.isBackup ?? false, via: m.sent }));

describe('R4.4 a failure learned after the code message', () => {
  it('sends the guest a follow-up with the backup on the same routes', async () => {
    await hut(true);
    await world.runUntil(MESSAGE_AT + MINUTE);
    const r0 = await world.reservation('r1');
    expect(await sent()).toEqual([{ at: MESSAGE_AT, pin: r0.code.pin, isBackup: false, via: ['email'] }]);

    await world.runUntil(MESSAGE_AT + CHECK_AFTER + MINUTE);
    const r = await world.reservation('r1');
    expect(r.code.backup).toMatchObject({ lockId: 'door', issuedAt: MESSAGE_AT + CHECK_AFTER });
    expect(await sent()).toEqual([
      { at: MESSAGE_AT, pin: r.code.pin, isBackup: false, via: ['email'] },
      { at: MESSAGE_AT + CHECK_AFTER, pin: r.code.backup?.pin, isBackup: true, via: ['email'] },
    ]);
    const email = world.runtime.outbox.entries.filter((e) => e.via === 'email').at(-1);
    expect(email?.message.text).toContain('It replaces any code you were given before.');
    world.expectClean();
  });

  it('R6.5 fires access_method.reissued with the backup code', async () => {
    await hut(true);
    await world.runUntil(MESSAGE_AT + CHECK_AFTER + MINUTE);
    const r = await world.reservation('r1');
    const bodies = world.runtime.webhooks.deliveries.map((d) => JSON.parse(d.body));
    expect(bodies.map((b) => [b.type, b.code, b.is_backup_code])).toEqual([
      ['access_method.issued', r.code.pin, false],
      ['access_method.reissued', r.code.backup?.pin, true],
    ]);
  });

  it('sends the follow-up once, though later checks still find the code unset', async () => {
    await hut(true);
    await world.runUntil(ACTIVE_FROM + 6 * HOUR);
    expect((await sent()).filter((m) => m.isBackup)).toHaveLength(1);
  });

  it('alerts the host when there is no backup to give (R8.2)', async () => {
    await hut(false);
    await world.runUntil(MESSAGE_AT + CHECK_AFTER + MINUTE);
    const alerts = world.runtime.outbox.entries.filter(
      (e) => e.via === 'alert' && e.message.kind === 'code_failed',
    );
    expect(alerts.map((e) => e.at)).toEqual([MESSAGE_AT + CHECK_AFTER]);
    expect(await sent()).toHaveLength(1);
  });

  it('gives no backup for a failure learned before the code message time (the message carries it)', async () => {
    world = await LockWorld.start(START);
    await world.property('hut', { backupCodes: true });
    // Programs three days ahead (at once here) and drops offline before it confirms.
    await world.lock('door', { offline: [{ from: START + 5_000, to: START + 10 * HOUR }] });
    await world.match('hut', 'door');
    await world.book('r1', 'hut', '2027-01-06T15:00', '2027-01-08T10:00');
    await world.runUntil(START + CHECK_AFTER + MINUTE);
    const r = await world.reservation('r1');
    expect(r.code.locks[0]?.status).toBe('requested');
    expect(r.code.backup).toBeUndefined();
  });
});
