import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R4.4, R6: a property with several locks at risk gets a backup on each, from each lock's own pool,
// and the code message names each door with the code that opens it.

const START = Date.parse('2027-01-04T12:00:00Z');
const ACTIVE_FROM = Date.parse('2027-01-06T15:00:00Z'); // the property is on UTC, no buffers
const ACTIVE_UNTIL = Date.parse('2027-01-08T10:00:00Z');
const MESSAGE_AT = ACTIVE_FROM - 10 * MINUTE;
const OUTAGE = { from: START + HOUR, to: ACTIVE_FROM + 24 * HOUR };

let world: LockWorld;
afterEach(() => world.stop());

/** Three doors programmed ten minutes ahead; `offline` of them out from an hour after the pools. */
async function villa(offline: string[]) {
  world = await LockWorld.start(START);
  await world.property('villa', { backupCodes: true, outboundWebhookUrl: 'https://host.example/hooks' });
  for (const lockId of ['front', 'garage', 'patio']) {
    await world.lock(lockId, { nativeScheduling: false, offline: offline.includes(lockId) ? [OUTAGE] : [] });
    await world.match('villa', lockId);
  }
  await world.book('r1', 'villa', '2027-01-06T15:00', '2027-01-08T10:00');
  await world.runUntil(MESSAGE_AT + MINUTE);
  return world.reservation('r1');
}

describe('R4.4 a backup on every lock at risk', () => {
  it('issues one backup per offline lock, each from that lock’s pool, at the 36-hours-before check', async () => {
    const r = await villa(['front', 'garage']);
    const backups = [r.code.backup, ...(r.code.moreBackups ?? [])];
    expect(backups.map((b) => [b?.lockId, b?.issuedAt])).toEqual([
      ['front', ACTIVE_FROM - 36 * HOUR],
      ['garage', ACTIVE_FROM - 36 * HOUR],
    ]);
    expect(world.pinsOn('front')).toContain(r.code.backup?.pin);
    expect(world.pinsOn('garage')).toContain(r.code.moreBackups?.[0]?.pin);
    expect(new Set(backups.map((b) => b?.pin)).size).toBe(2);
  });

  it('names each door with the code that opens it in one code message (R5.4)', async () => {
    const r = await villa(['front', 'garage']);
    const email = world.runtime.outbox.entries.filter((e) => e.via === 'email');
    expect(email).toHaveLength(1);
    const [front, garage] = [r.code.backup?.pin, r.code.moreBackups?.[0]?.pin];
    expect(email[0]?.message.text).toContain(
      `Please use these codes: ${front} for front, ${garage} for garage and ${r.code.pin} for patio.`,
    );
    expect(
      world.runtime.outbox.entries.filter((e) => e.via === 'alert' && e.message.kind === 'code_failed'),
    ).toEqual([]);
  });

  it('R6.5 sends access_method.reissued for each backup', async () => {
    const r = await villa(['front', 'garage']);
    const bodies = world.runtime.webhooks.deliveries.map((d) => JSON.parse(d.body));
    expect(bodies.filter((b) => b.type === 'access_method.reissued').map((b) => b.code)).toEqual([
      r.code.backup?.pin,
      r.code.moreBackups?.[0]?.pin,
    ]);
  });

  it('R6.3 retires every issued backup after the stay', async () => {
    const r = await villa(['front', 'garage']);
    await world.runUntil(ACTIVE_UNTIL + 25 * HOUR);
    const retired = (await world.reservation('r1')).timeline
      .filter((t) => t.event === 'backup.retired')
      .map((t) => t.lockId);
    expect(retired.sort()).toEqual(['front', 'garage']);
    expect(world.pinsOn('front')).not.toContain(r.code.backup?.pin);
    expect(world.pinsOn('garage')).not.toContain(r.code.moreBackups?.[0]?.pin);
    world.expectClean();
  });
});

describe('R4.4 a second lock failing after the first got its backup', () => {
  it('gets its own backup and the guest a follow-up naming each door', async () => {
    world = await LockWorld.start(START);
    await world.property('villa', { backupCodes: true });
    await world.lock('front', { nativeScheduling: false, offline: [OUTAGE] });
    await world.match('villa', 'front');
    // The garage drops offline seconds after its request at the message time, before confirming.
    await world.lock('garage', {
      nativeScheduling: false,
      offline: [{ from: MESSAGE_AT + 5_000, to: OUTAGE.to }],
    });
    await world.match('villa', 'garage');
    await world.book('r1', 'villa', '2027-01-06T15:00', '2027-01-08T10:00');
    await world.runUntil(MESSAGE_AT + 5 * MINUTE);

    const r = await world.reservation('r1');
    expect(r.code.backup?.lockId).toBe('front');
    expect(r.code.moreBackups?.map((b) => [b.lockId, b.issuedAt])).toEqual([
      ['garage', MESSAGE_AT + 2 * MINUTE],
    ]);
    const sent = (r.guestMessages ?? []).filter((m) => m.sent.length > 0);
    expect(sent.map((m) => m.at)).toEqual([MESSAGE_AT, MESSAGE_AT + 2 * MINUTE]);
    const last = world.runtime.outbox.entries.filter((e) => e.via === 'email').at(-1);
    expect(last?.message.text).toContain(
      `Please use these codes: ${r.code.backup?.pin} for front and ${r.code.moreBackups?.[0]?.pin} for garage.`,
    );
  });
});
