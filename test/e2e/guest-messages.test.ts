import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGsm0338 } from '#core/codes/gsm.ts';
import type { ReservationInput } from '#core/model.ts';
import { messageSentEventBody } from '#local/channel-partner.ts';
import { HOST, HOUR, MessageWorld, MINUTE } from '../support/message-world.ts';

// Guest code messages and host alerts end to end, on the local runtime in virtual time (R5, R8.2).

const START = Date.parse('2026-12-01T12:00:00Z');
const messageTime = (activeFrom: string) => Date.parse(activeFrom) - 10 * MINUTE;
// A moment past an instant: work due at the instant itself has run by then.
const justAfter = (instant: number) => instant + 1_000;

const booking = (
  overrides: Partial<ReservationInput> & Pick<ReservationInput, 'reservationId'>,
): ReservationInput => ({
  propertyId: 'canyon',
  channel: 'airbnb',
  confirmationCode: `CONF-${overrides.reservationId}`,
  guest: { name: 'Guest' },
  checkIn: '2026-12-04T16:00',
  checkOut: '2026-12-06T11:00',
  ...overrides,
});

describe('guest code messages and host alerts (R5, R8.2)', () => {
  let world: MessageWorld;
  const pin = async (id: string) => (await world.reservation(id)).code.pin;

  beforeAll(async () => {
    world = await MessageWorld.start(START, 'dynalite');
    await world.property('canyon', { name: 'Canyon House', timeZone: 'America/Denver', hosts: ['h1', 'h2'] });
    await world.lock('front', 'canyon');
    await world.property('barn', { name: 'The Barn' });
    await world.lock('shed', 'barn', {
      nativeScheduling: false,
      offline: [
        { from: Date.parse('2026-12-02T00:00:00Z'), to: Date.parse('2026-12-02T06:00:00Z') },
        { from: Date.parse('2026-12-03T00:00:00Z'), to: Date.parse('2026-12-03T01:00:00Z') },
        { from: Date.parse('2026-12-10T20:00:00Z'), to: Date.parse('2026-12-11T02:00:00Z') },
      ],
    });
    // Denver is UTC−7 in December: 16:00 local is 23:00Z.
    await world.accept(
      booking({ reservationId: 'air-1', guest: { name: 'Lucía Fernández', locale: 'es-ES' } }),
    );
    await world.accept(
      booking({
        reservationId: 'air-2',
        guest: { name: 'Oliver Grant', locale: 'en-GB' },
        checkIn: '2026-12-06T16:00',
        checkOut: '2026-12-08T10:00',
      }),
    );
    await world.accept(
      booking({
        reservationId: 'dir-1',
        channel: 'direct',
        guest: { name: 'Zoë Müller', email: 'zoe@example.com', phone: '+1 (555) 123-4567' },
        checkIn: '2026-12-08T16:00',
        checkOut: '2026-12-09T10:00',
      }),
    );
    await world.accept(
      booking({
        reservationId: 'man-1',
        channel: 'manual',
        guest: { name: 'Liam Chen', phone: '555 123 4567' },
        checkIn: '2026-12-09T16:00',
        checkOut: '2026-12-10T10:00',
      }),
    );
    await world.accept(
      booking({
        reservationId: 'barn-1',
        propertyId: 'barn',
        channel: 'direct',
        guest: { name: 'Noah Smith', email: 'noah@example.com' },
        checkIn: '2026-12-10T23:00',
        checkOut: '2026-12-12T10:00',
      }),
    );
  });

  afterAll(() => world?.stop());

  describe('R5.3 the channel webhook tells who last wrote to the guest (message.sent)', () => {
    it('records the newest writer in the conversation', async () => {
      const first = await world.messageSent({
        reservationId: 'air-1',
        senderHostId: 'h1',
        sentAt: START - HOUR,
      });
      expect(first).toMatchObject({ status: 200, body: { reservationId: 'air-1', outcome: 'recorded' } });
      const second = await world.messageSent({ reservationId: 'air-1', senderHostId: 'h2' });
      expect(second.body.outcome).toBe('recorded');
      expect((await world.reservation('air-1')).lastHostMessage).toEqual({ hostId: 'h2', at: START });
    });

    it('changes nothing for an older report or the same report again (R9.1)', async () => {
      const before = await world.reservation('air-1');
      const older = await world.messageSent({
        reservationId: 'air-1',
        senderHostId: 'h1',
        sentAt: START - 30 * MINUTE,
      });
      const again = await world.messageSent({ reservationId: 'air-1', senderHostId: 'h2', sentAt: START });
      expect([older.body.outcome, again.body.outcome]).toEqual(['unchanged', 'unchanged']);
      expect(await world.reservation('air-1')).toEqual(before);
    });

    it('answers 404 naming the reservation it does not know, and 400 naming a missing field (R9.2)', async () => {
      const unknown = await world.messageSent({ reservationId: 'nope', senderHostId: 'h1' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error?.field).toBe('message.reservation_id');
      const body = JSON.parse(
        messageSentEventBody('evt-bad', HOST, Date.now(), {
          reservationId: 'air-1',
          senderHostId: 'h1',
          sentAt: Date.now(),
        }),
      );
      delete body.message.sender_host_id;
      const missing = await world.redeliver(JSON.stringify(body), 'evt-bad');
      expect(missing.status).toBe(400);
      expect(missing.body.error?.field).toBe('message.sender_host_id');
    });
  });

  describe('R5.5 %smartlock_code% in a host message', () => {
    const render = (body: Record<string, unknown>) =>
      world.api('POST', '/v1/reservations/air-2/render-message', body);

    it('renders the current code without recording anything when not sent', async () => {
      const reply = await render({ template: 'Hi Oliver! Your code: %smartlock_code%' });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        reservationId: 'air-2',
        text: `Hi Oliver! Your code: ${await pin('air-2')}`,
        carriesCode: true,
        sent: null,
      });
      expect((await world.reservation('air-2')).guestMessages).toBeUndefined();
      expect(world.guestEntries('air-2')).toEqual([]);
    });

    it('answers 400 naming the template and every unknown shortcode, and writes nothing', async () => {
      const before = await world.reservation('air-2');
      const reply = await render({
        template: 'Wifi %wifi_password%, gate %gate_code%, door %smartlock_code%',
        send: true,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'invalid_request', field: 'template' });
      expect(reply.body.error?.message).toContain('%wifi_password%, %gate_code%');
      expect(await world.reservation('air-2')).toEqual(before);
    });

    it('refuses a sender who is not a host of the listing', async () => {
      const reply = await render({ template: 'Code %smartlock_code%', send: true, from: 'h9' });
      expect(reply.status).toBe(400);
      expect(reply.body.error?.field).toBe('from');
    });

    it('sends it to the guest in the channel conversation as the chosen host, and marks the code communicated', async () => {
      const reply = await render({
        template: 'See you soon! Door code %smartlock_code%.',
        send: true,
        from: 'h2',
      });
      expect(reply.status).toBe(200);
      expect(reply.body.sent).toEqual({ at: new Date(START).toISOString(), via: ['airbnb'], from: 'h2' });
      const [entry, ...more] = world.guestEntries('air-2');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        via: 'airbnb',
        message: {
          channel: 'airbnb',
          senderHostId: 'h2',
          text: `See you soon! Door code ${await pin('air-2')}.`,
        },
      });
      const r = await world.reservation('air-2');
      expect(r.code.communicatedAt).toBe(START);
      expect(r.code.communicatedVia).toEqual(['airbnb']);
    });

    it('sends no second copy when the request is repeated', async () => {
      const reply = await render({
        template: 'See you soon! Door code %smartlock_code%.',
        send: true,
        from: 'h2',
      });
      expect(reply.status).toBe(200);
      expect(world.guestEntries('air-2')).toHaveLength(1);
    });
  });

  it('R8.2 alerts the host once per outage when a lock reports disconnected', async () => {
    await world.time.runUntil(Date.parse('2026-12-03T02:00:00Z'));
    expect(
      world.alerts().map((a) => [a.message.kind, a.message.lockId, new Date(a.at).toISOString()]),
    ).toEqual([
      ['lock_disconnected', 'shed', '2026-12-02T00:00:00.000Z'],
      ['lock_disconnected', 'shed', '2026-12-03T00:00:00.000Z'],
    ]);
    expect(world.alerts()[0]?.message.text).toContain('Your lock shed at The Barn was reported disconnected');
  });

  it('R5.2 R5.3 R5.4 messages an airbnb guest through the channel, from the co-host who last wrote, in Spanish', async () => {
    const at = messageTime('2026-12-04T23:00:00Z');
    await world.time.runUntil(justAfter(at));
    const entries = world.guestEntries('air-1');
    expect(entries.map((e) => [e.via, e.at])).toEqual([['airbnb', at]]);
    const message = entries[0]?.message as { senderHostId?: string; text: string; language: string };
    expect(message.senderHostId).toBe('h2');
    expect(message.language).toBe('es');
    expect(message.text).toContain('Hola, Lucía:');
    expect(message.text).toContain(`Tu código personal para front es ${await pin('air-1')}.`);
    expect(message.text).toContain('desde vie, 4 dic, 16:00 hasta dom, 6 dic, 11:00');
  });

  it('R5.1 sends no code message when a shortcode message already gave the guest the code', async () => {
    await world.time.runUntil(justAfter(messageTime('2026-12-06T23:00:00Z')));
    expect(world.guestEntries('air-2')).toHaveLength(1);
    const r = await world.reservation('air-2');
    expect(r.timeline.find((t) => t.event === 'guest.code_message_not_needed')?.detail).toBe(
      'the code went out in a host message at 2026-12-01T12:00:00.000Z',
    );
  });

  it('R5.2 emails a direct guest and texts an E.164 number in GSM 03.38', async () => {
    await world.time.runUntil(justAfter(messageTime('2026-12-08T23:00:00Z')));
    const code = await pin('dir-1');
    const entries = world.guestEntries('dir-1');
    expect(entries.map((e) => e.via)).toEqual(['email', 'sms']);
    const [email, sms] = entries;
    expect(email?.message).toMatchObject({
      to: 'zoe@example.com',
      subject: 'Your door code for Canyon House',
    });
    expect(email?.message).toHaveProperty('html', expect.stringContaining(`<strong>${code}</strong>`));
    expect(sms?.message).toMatchObject({ to: '+15551234567' });
    expect(isGsm0338(sms?.message.text ?? '')).toBe(true);
    expect(sms?.message.text).toContain(`Hi Zoe, your code for front is ${code}.`);
  });

  it('R5.2 alerts the host when a manual guest can be reached on no route, and says why on the timeline', async () => {
    await world.time.runUntil(justAfter(messageTime('2026-12-09T23:00:00Z')));
    expect(world.guestEntries('man-1')).toEqual([]);
    const alerts = world.alerts().filter((a) => a.message.reservationId === 'man-1');
    expect(alerts.map((a) => a.message.kind)).toEqual(['message_failed']);
    expect(alerts[0]?.message.text).not.toContain(await pin('man-1'));
    const r = await world.reservation('man-1');
    expect(r.timeline.filter((t) => t.event === 'guest.message_failed').map((t) => t.detail)).toEqual([
      'sms: the phone number has no international prefix, so it cannot be dialled safely',
    ]);
  });

  it('R5.1 R8.2 messages the guest of an offline lock anyway, and alerts the host that the code failed', async () => {
    const at = messageTime('2026-12-10T23:00:00Z');
    await world.time.runUntil(justAfter(at));
    expect(world.guestEntries('barn-1').map((e) => e.via)).toEqual(['email']);
    const alerts = world.alerts().filter((a) => a.message.reservationId === 'barn-1');
    expect(alerts.map((a) => [a.message.kind, a.at])).toEqual([['code_failed', at]]);
    expect(alerts[0]?.message.subject).toBe("Action needed: Noah Smith's door code is not on shed");
    expect(world.runtime.failures).toEqual([]);
  });
});
