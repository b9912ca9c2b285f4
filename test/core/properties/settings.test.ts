import { afterEach, describe, expect, it } from 'vitest';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { CONFIRMATION, device, HOST, LockWorld, MINUTE } from '../lock-world.ts';

// PATCH /v1/properties/{propertyId}: new buffers move live reservations' windows as a channel
// modification would (R7.1), on the real runtime in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
const at = (iso: string) => Date.parse(iso);

let world: LockWorld;
afterEach(() => world.stop());

async function villaWithStay() {
  world = await LockWorld.start(START);
  await world.property('villa');
  await world.lock('front');
  await world.match('villa', 'front');
  await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-07T10:00');
  await world.runUntil(Date.now() + CONFIRMATION);
}

describe('R7.1 a property settings change', () => {
  it('moves the window of a live reservation on the lock when the buffers change', async () => {
    await villaWithStay();
    const reply = await world.api('PATCH', '/v1/properties/villa', {
      bufferBeforeMinutes: 60,
      bufferAfterMinutes: 30,
    });
    await world.runUntil(Date.now() + CONFIRMATION);

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      settings: { bufferBeforeMinutes: 60, bufferAfterMinutes: 30, timeZone: 'UTC' },
      reservationsMoved: ['r1'],
    });
    const r1 = await world.reservation('r1');
    expect(r1.code).toMatchObject({
      activeFrom: at('2027-01-05T15:00:00Z') - 60 * MINUTE,
      activeUntil: at('2027-01-07T10:00:00Z') + 30 * MINUTE,
    });
    expect(r1.timeline.map((e) => e.event)).toContain('property.settings_changed');
    expect(r1.code.locks[0]?.status).toBe('set');
    const guestCodes = world.runtime.sandbox
      .codesOnDevice(device('front'))
      .filter((c) => c.name === r1.code.name);
    expect(guestCodes).toEqual([
      expect.objectContaining({
        code: r1.code.pin,
        startsAt: at('2027-01-05T14:00:00Z'),
        endsAt: at('2027-01-07T10:30:00Z'),
      }),
    ]);
    world.expectClean();
  });

  it('moves no window for a change of name, time zone or backup codes', async () => {
    await villaWithStay();
    const before = await world.reservation('r1');
    const reply = await world.api('PATCH', '/v1/properties/villa', {
      name: 'Seaside villa',
      timeZone: 'Europe/Lisbon',
      backupCodes: true,
    });

    expect(reply.body).toMatchObject({ name: 'Seaside villa', reservationsMoved: [] });
    expect((await world.reservation('r1')).version).toBe(before.version);
  });

  it('leaves the channel’s event order alone, so a later modification still applies (R9.1)', async () => {
    await villaWithStay();
    const lastEventAt = (await world.reservation('r1')).lastEventAt;
    await world.api('PATCH', '/v1/properties/villa', { bufferAfterMinutes: 60 });
    expect((await world.reservation('r1')).lastEventAt).toBe(lastEventAt);

    const body = reservationEventBody('reservation.modified', 'mod-1', HOST, Date.now(), {
      reservationId: 'r1',
      propertyId: 'villa',
      channel: 'direct',
      confirmationCode: 'CONF-R1',
      guest: { name: 'Guest r1', email: 'r1@example.com' },
      checkIn: '2027-01-05T15:00',
      checkOut: '2027-01-08T10:00',
    });
    const secret = world.runtime.channelSecrets[0] ?? '';
    await world.runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(secret, 'mod-1', Date.now(), body),
    });
    await world.time.settle();

    expect((await world.reservation('r1')).code.activeUntil).toBe(at('2027-01-08T11:00:00Z'));
  });

  it('refuses an unknown setting by name and writes nothing (R9.2)', async () => {
    await villaWithStay();
    const reply = await world.api('PATCH', '/v1/properties/villa', { bufferAfterMinutes: 30, pinLength: 6 });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'invalid_request', field: 'pinLength' } });
    const property = await world.api('GET', '/v1/properties/villa');
    expect(property.body).toMatchObject({ settings: { bufferAfterMinutes: 0 } });
  });
});
