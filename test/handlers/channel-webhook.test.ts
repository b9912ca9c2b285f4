import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { villaWithoutLocks } from '../support/villa.ts';

// The channel webhook's edge: authentication, validation, idempotency (R9.1, R9.2); an admitted
// delivery is answered 202 and acted on by the inbox consumer (R9.5).

const SECRETS = ['current-secret', 'previous-secret'];

interface EventBody {
  version: string;
  type: string;
  reservation: { check_in?: string; channel: string; guest: { email?: string } };
}
const HOST = 'host-1';

describe('POST /webhooks/channel', () => {
  let runtime: LocalRuntime;
  let eventCount = 0;

  const reservation = (overrides: Record<string, unknown> = {}) => ({
    reservationId: `r${eventCount}`,
    propertyId: 'villa',
    channel: 'direct' as const,
    confirmationCode: 'ABC123',
    guest: { name: 'Liam Chen', email: 'liam@example.com' },
    checkIn: '2027-03-10T15:00',
    checkOut: '2027-03-12T11:00',
    ...overrides,
  });

  const deliver = (body: string, options: { secret?: string; at?: number; id?: string } = {}) => {
    const delivery = signedDelivery(
      options.secret ?? 'current-secret',
      options.id ?? `evt-${eventCount}`,
      options.at ?? Date.now(),
      body,
    );
    return runtime.request({ method: 'POST', path: '/webhooks/channel', ...delivery });
  };

  const accepted = (fields = reservation()) =>
    reservationEventBody('reservation.accepted', `evt-${eventCount}`, HOST, Date.now(), fields);

  const nothingWritten = async (reservationId: string) => {
    await runtime.inbox.drained();
    expect(await runtime.inbox.queued(`evt-${eventCount}`)).toBeUndefined();
    expect(await runtime.deps.reservations.getReservation(HOST, reservationId)).toBeUndefined();
    expect(runtime.scheduler.pending()).toEqual([]);
  };

  /** The 202 of a queued delivery, then what the inbox consumer made of it. */
  const processed = async (reply: { statusCode?: number; body?: string }, id = `evt-${eventCount}`) => {
    expect(reply.statusCode).toBe(202);
    expect(JSON.parse(reply.body ?? '')).toEqual({ deliveryId: id, queued: true });
    await runtime.inbox.drained();
    return runtime.inbox.outcome(id);
  };

  beforeAll(async () => {
    runtime = await LocalRuntime.start({ channelSecrets: SECRETS });
    await villaWithoutLocks(runtime, HOST, 'Europe/Berlin');
  });
  afterAll(() => runtime.stop());
  beforeEach(() => {
    eventCount++;
  });

  it('queues a signed reservation.accepted (202); the consumer stores it and schedules its three entries (R2.4, R9.5)', async () => {
    expect((await processed(await deliver(accepted())))?.statusCode).toBe(201);
    expect(
      runtime.scheduler
        .pending()
        .filter((j) => j.reservationId === `r${eventCount}`)
        .map((j) => j.kind),
    ).toEqual(['provision', 'message', 'delete']);
  });

  it('accepts a delivery signed with the second active secret, so keys rotate (R9.1)', async () => {
    const reply = await deliver(accepted(), { secret: 'previous-secret' });
    expect((await processed(reply))?.statusCode).toBe(201);
  });

  it('changes nothing on a redelivery of the same event (R9.1)', async () => {
    const body = accepted();
    expect((await processed(await deliver(body)))?.statusCode).toBe(201);
    const first = await runtime.deps.reservations.getReservation(HOST, `r${eventCount}`);
    const { scheduler, lambda } = runtime.calls;
    // The same 202 for the same delivery id, and only the webhook ran: nothing was queued again.
    expect((await processed(await deliver(body)))?.statusCode).toBe(201);
    expect(runtime.calls.lambda).toBe(lambda + 1);
    expect(await runtime.deps.reservations.getReservation(HOST, `r${eventCount}`)).toEqual(first);
    expect(runtime.calls.scheduler).toBe(scheduler);
  });

  describe('refuses bad input and writes nothing (R9.2)', () => {
    beforeEach(async () => {
      await runtime.inbox.drained();
      for (const entry of runtime.scheduler.pending()) await runtime.scheduler.cancel(entry.name);
    });

    it('answers 401 to a bad signature', async () => {
      const reply = await deliver(accepted(), { secret: 'someone-else' });
      expect(reply.statusCode).toBe(401);
      expect(JSON.parse(reply.body ?? '').error.code).toBe('unauthorized');
      await nothingWritten(`r${eventCount}`);
    });

    it('answers 401 to a timestamp more than 5 minutes old', async () => {
      const reply = await deliver(accepted(), { at: Date.now() - 6 * 60_000 });
      expect(reply.statusCode).toBe(401);
      expect(JSON.parse(reply.body ?? '').error.message).toContain('stale_timestamp');
      await nothingWritten(`r${eventCount}`);
    });

    it('answers 401 when the signature headers are missing', async () => {
      const reply = await runtime.request({ method: 'POST', path: '/webhooks/channel', body: accepted() });
      expect(reply.statusCode).toBe(401);
      await nothingWritten(`r${eventCount}`);
    });

    it.each([
      ['reservation.check_in', (b: EventBody) => delete b.reservation.check_in],
      ['reservation.guest.email', (b: EventBody) => (b.reservation.guest.email = 'not-an-email')],
      ['reservation.channel', (b: EventBody) => (b.reservation.channel = 'expedia')],
      ['version', (b: EventBody) => (b.version = '2020-01-01')],
      ['type', (b: EventBody) => (b.type = 'reservation.exploded')],
    ])('answers 400 naming %s when it is missing or malformed', async (field, mutate) => {
      const body = JSON.parse(accepted()) as EventBody;
      mutate(body);
      const reply = await deliver(JSON.stringify(body));
      expect(reply.statusCode).toBe(400);
      expect(JSON.parse(reply.body ?? '').error.field).toBe(field);
      await nothingWritten(`r${eventCount}`);
    });

    it('answers 400 naming the body when it is not JSON', async () => {
      const reply = await deliver('{"version":');
      expect(reply.statusCode).toBe(400);
      expect(JSON.parse(reply.body ?? '').error.field).toBe('body');
    });

    it('answers 400 when check-out is not after check-in', async () => {
      const reply = await deliver(accepted(reservation({ checkOut: '2027-03-10T11:00' })));
      expect(reply.statusCode).toBe(400);
      expect(JSON.parse(reply.body ?? '').error.field).toBe('reservation.check_out');
      await nothingWritten(`r${eventCount}`);
    });

    it('answers 404 naming the property when the host has no such property', async () => {
      const reply = await deliver(accepted(reservation({ propertyId: 'nowhere' })));
      expect(reply.statusCode).toBe(404);
      expect(JSON.parse(reply.body ?? '').error.field).toBe('reservation.property_id');
      await nothingWritten(`r${eventCount}`);
    });
  });
});
