import { afterEach, describe, expect, it } from 'vitest';
import type { ReservationInput } from '#core/model.ts';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { HOST, HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R4.4: the 36-hours-before entry of a stay booked earlier, on the real runtime in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
const ACTIVE_FROM = Date.parse('2027-01-08T15:00:00Z'); // the property is on UTC, no buffers
const CHECK = ACTIVE_FROM - 36 * HOUR;
const OUTAGE = { from: Date.parse('2027-01-06T00:00:00Z'), to: Date.parse('2027-01-09T00:00:00Z') };

let world: LockWorld;
let events = 0;
afterEach(() => world.stop());

const stay = (overrides: Partial<ReservationInput> = {}): ReservationInput => ({
  reservationId: 'r1',
  propertyId: 'hut',
  channel: 'direct',
  confirmationCode: 'CONF-R1',
  guest: { name: 'Guest r1', email: 'r1@example.com' },
  checkIn: '2027-01-08T15:00',
  checkOut: '2027-01-10T10:00',
  ...overrides,
});

async function send(type: 'reservation.modified' | 'reservation.cancelled', fields: ReservationInput) {
  const eventId = `chg-${++events}`;
  const body = reservationEventBody(type, eventId, HOST, Date.now(), fields);
  const reply = await world.runtime.request({
    method: 'POST',
    path: '/webhooks/channel',
    ...signedDelivery(world.runtime.channelSecrets[0] ?? '', eventId, Date.now(), body),
  });
  await world.time.settle();
  // Queued at the edge, then acted on by the inbox consumer (R9.5).
  expect(reply.statusCode).toBe(202);
  expect(world.runtime.inbox.outcome(eventId)?.statusCode).toBe(200);
}

/** A hut with one lock that programs ten minutes ahead (so the code is never set 36 h before). */
async function hut(backupCodes: boolean, offline = [OUTAGE]) {
  world = await LockWorld.start(START);
  await world.property('hut', { backupCodes, outboundWebhookUrl: 'https://host.example/hooks' });
  await world.lock('door', { nativeScheduling: false, offline });
  await world.match('hut', 'door');
  await world.book('r1', 'hut', stay().checkIn, stay().checkOut);
}

const entries = () =>
  world.runtime.scheduler
    .pending()
    .filter((j) => j.kind === 'backup-check')
    .map((j) => new Date(j.at).toISOString());

describe('R4.4 the 36-hours-before backup entry', () => {
  it('is scheduled at activeFrom − 36 h for a stay booked earlier than that', async () => {
    await hut(true);
    expect(entries()).toEqual([new Date(CHECK).toISOString()]);
    const r = await world.reservation('r1');
    expect(r.timeline.find((t) => t.event === 'schedule.backup-check')?.detail).toBe(
      new Date(CHECK).toISOString(),
    );
  });

  it('gives a backup then when the code is not yet set on an offline lock', async () => {
    await hut(true);
    await world.runUntil(CHECK - MINUTE);
    expect((await world.reservation('r1')).code.backup).toBeUndefined();

    await world.runUntil(CHECK + MINUTE);
    const r = await world.reservation('r1');
    expect(r.code.backup).toMatchObject({ lockId: 'door', issuedAt: CHECK });
    const bodies = world.runtime.webhooks.deliveries.map((d) => JSON.parse(d.body));
    expect(bodies.map((b) => [b.type, b.is_backup_code])).toContainEqual(['access_method.reissued', true]);
    world.expectClean();
  });

  it('gives no backup when the lock is online, though the code is not set yet', async () => {
    await hut(true, []);
    await world.runUntil(CHECK + MINUTE);
    const r = await world.reservation('r1');
    expect(r.code.locks[0]?.status).toBe('pending');
    expect(r.code.backup).toBeUndefined();
  });

  it('is not scheduled when the property gives no backup codes', async () => {
    await hut(false);
    expect(entries()).toEqual([]);
  });

  it('is not scheduled for a stay booked less than 36 hours ahead (the check runs at once)', async () => {
    world = await LockWorld.start(CHECK + HOUR);
    await world.property('hut', { backupCodes: true });
    await world.lock('door', { nativeScheduling: false });
    await world.match('hut', 'door');
    await world.book('r1', 'hut', stay().checkIn, stay().checkOut);
    expect(entries()).toEqual([]);
  });

  it('moves with a modified activeFrom (R2.4, R7.1)', async () => {
    await hut(true);
    await world.runUntil(START + HOUR);
    await send('reservation.modified', stay({ checkIn: '2027-01-09T15:00' }));
    expect(entries()).toEqual([new Date(CHECK + 24 * HOUR).toISOString()]);
  });

  it('runs at once when a change brings activeFrom within 36 hours', async () => {
    await hut(true);
    await world.runUntil(OUTAGE.from + HOUR);
    await send('reservation.modified', stay({ checkIn: '2027-01-07T08:00' }));
    expect(entries()).toEqual([]);
    expect((await world.reservation('r1')).code.backup).toMatchObject({
      lockId: 'door',
      issuedAt: OUTAGE.from + HOUR,
    });
  });

  it('is removed when the reservation is cancelled (R2.4)', async () => {
    await hut(true);
    await world.runUntil(START + HOUR);
    await send('reservation.cancelled', stay());
    expect(entries()).toEqual([]);
    await world.runUntil(CHECK + MINUTE);
    expect((await world.reservation('r1')).code.backup).toBeUndefined();
  });
});
