import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReservationInput } from '#core/model.ts';
import { hostApiClient } from '../support/host-api-client.ts';
import { MessageWorld } from '../support/message-world.ts';

// POST /v1/reservations/{id}/resend-message: the host sends Lockstep's code message again (R13.3),
// on the booking's routes (R5.2), never showing the PIN anywhere but in the message (R9.4).

const START = Date.parse('2026-12-01T12:00:00Z');

const stay = (reservationId: string, overrides: Partial<ReservationInput> = {}): ReservationInput => ({
  reservationId,
  propertyId: 'cabin',
  channel: 'direct',
  confirmationCode: `CONF-${reservationId}`,
  guest: { name: 'Zoë Müller', email: 'zoe@example.com', phone: '+15551234567' },
  checkIn: '2026-12-10T16:00',
  checkOut: '2026-12-12T11:00',
  ...overrides,
});

describe('R13.3 resending the code message', () => {
  let world: MessageWorld;
  const resend = (id: string, body?: unknown) =>
    world.api('POST', `/v1/reservations/${id}/resend-message`, body);
  const pin = async (id: string) => (await world.reservation(id)).code.pin;

  beforeAll(async () => {
    world = await MessageWorld.start(START, 'memory');
    await world.property('cabin', { name: 'Cabin', hosts: ['h1', 'h2'] });
    await world.lock('front', 'cabin');
    await world.accept(stay('dir-1'));
    await world.accept(stay('air-1', { channel: 'airbnb', guest: { name: 'Oliver Grant' } }));
    await world.accept(stay('gone-1', { checkIn: '2026-12-20T16:00', checkOut: '2026-12-21T11:00' }));
    await world.cancel(stay('gone-1', { checkIn: '2026-12-20T16:00', checkOut: '2026-12-21T11:00' }));
  });

  afterAll(() => world?.stop());

  it('sends a direct booking’s code message by email and SMS now and records the code as told (R5.2, R8.1)', async () => {
    const reply = await resend('dir-1');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      reservationId: 'dir-1',
      isBackup: false,
      sent: { at: new Date(START).toISOString(), via: ['email', 'sms'], from: null },
    });
    const sent = world.guestEntries('dir-1');
    expect(sent.map((e) => e.via)).toEqual(['email', 'sms']);
    for (const entry of sent) expect(entry.message.text).toContain(await pin('dir-1'));
    expect((await world.reservation('dir-1')).code).toMatchObject({
      communicatedAt: START,
      communicatedVia: ['email', 'sms'],
    });
  });

  it('keeps the PIN out of its answer and the timeline (R9.4)', async () => {
    const code = await pin('dir-1');
    const reply = await resend('dir-1');
    expect(JSON.stringify(reply.body)).not.toContain(code);
    expect(JSON.stringify((await world.reservation('dir-1')).timeline)).not.toContain(code);
  });

  it('sends once for the same idempotency key, and again for a new one', async () => {
    const before = world.guestEntries('dir-1').length;
    const first = await resend('dir-1', { idempotencyKey: 'click-1' });
    const again = await resend('dir-1', { idempotencyKey: 'click-1' });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(world.guestEntries('dir-1')).toHaveLength(before + 2);
    await resend('dir-1', { idempotencyKey: 'click-2' });
    expect(world.guestEntries('dir-1')).toHaveLength(before + 4);
  });

  it('sends a channel booking’s message in the channel conversation as the listing’s host (R5.2, R5.3)', async () => {
    const reply = await resend('air-1');
    expect(reply.status).toBe(200);
    expect(reply.body.sent).toMatchObject({ via: ['airbnb'], from: 'h1' });
    const [entry] = world.guestEntries('air-1');
    expect(entry?.via).toBe('airbnb');
    expect(entry?.message.text).toContain(await pin('air-1'));
  });

  it('answers 404 for another host’s reservation exactly as for a missing one, and sends nothing (R9.3)', async () => {
    const asOther = hostApiClient(world.runtime);
    const theirs = await asOther('host-other', 'POST', '/v1/reservations/dir-1/resend-message');
    const missing = await resend('no-such-stay');
    expect([theirs.status, missing.status]).toEqual([404, 404]);
    expect(theirs.body.error).toEqual(missing.body.error);
    expect(theirs.body.error.field).toBe('reservationId');
    expect(world.guestEntries('no-such-stay')).toEqual([]);
  });

  it('answers 409 for a cancelled reservation and sends nothing', async () => {
    const before = await world.reservation('gone-1');
    const reply = await resend('gone-1');
    expect(reply.status).toBe(409);
    expect(reply.body.error?.message).toBe('reservation gone-1 is cancelled; nothing was sent');
    expect(world.guestEntries('gone-1')).toEqual([]);
    expect((await world.reservation('gone-1')).guestMessages).toEqual(before.guestMessages);
  });

  it('answers 400 naming idempotencyKey or an unknown field, and writes nothing (R9.2)', async () => {
    const before = await world.reservation('dir-1');
    const bad = await resend('dir-1', { idempotencyKey: 'no spaces allowed' });
    const unknown = await resend('dir-1', { pin: '1234' });
    expect([bad.status, unknown.status]).toEqual([400, 400]);
    expect(bad.body.error?.field).toBe('idempotencyKey');
    expect(unknown.body.error?.field).toBe('pin');
    expect(await world.reservation('dir-1')).toEqual(before);
  });
});
