import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReservationInput } from '#core/model.ts';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { villaWithoutLocks } from '../support/villa.ts';

// reservation.modified and reservation.cancelled at the channel webhook: events arriving in any
// order converge to the newest version (R9.1), and every change moves the entries (R2.4, R7.1, R7.2).
// The property has no locks, so only the stored reservation and its entries are at stake here.

const HOST = 'host-1';
const HOUR = 3_600_000;
const SECRET = 'channel-secret';
const minutesAgo = (n: number) => Date.now() - n * 60_000;

describe('POST /webhooks/channel: changes and cancellations', () => {
  let runtime: LocalRuntime;
  let n = 0;
  let id = '';

  const stay = (overrides: Partial<ReservationInput> = {}): ReservationInput => ({
    reservationId: id,
    propertyId: 'villa',
    channel: 'airbnb',
    confirmationCode: 'HM123',
    guest: { name: 'Mia Kovac', email: 'mia@example.com' },
    checkIn: '2027-06-10T15:00',
    checkOut: '2027-06-12T11:00',
    ...overrides,
  });

  /**
   * A signed delivery of one event, which happened at `occurredAt`: a refusal at the edge, or (after
   * its 202) what the inbox consumer made of it (R9.5).
   */
  const send = async (type: string, occurredAt: number, fields = stay(), eventId = `evt-${++n}`) => {
    const body = reservationEventBody(type, eventId, HOST, occurredAt, fields);
    let reply = await runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(SECRET, eventId, Date.now(), body),
    });
    if (reply.statusCode === 202) {
      await runtime.inbox.drained();
      reply = runtime.inbox.outcome(eventId) ?? {};
    }
    return { status: reply.statusCode, body: JSON.parse(reply.body ?? '{}') };
  };
  const stored = () => runtime.deps.reservations.getReservation(HOST, id);
  const entries = () =>
    Object.fromEntries(
      runtime.scheduler
        .pending()
        .filter((j) => j.reservationId === id)
        .map((j) => [j.kind, new Date(j.at).toISOString()]),
    );

  beforeAll(async () => {
    runtime = await LocalRuntime.start({ channelSecrets: [SECRET] });
    await villaWithoutLocks(runtime, HOST);
  });
  afterAll(() => runtime.stop());
  beforeEach(() => {
    id = `res-${++n}`;
  });

  describe('R7.1 a modification', () => {
    it('stores the new stay and moves the message and deletion entries (R2.4)', async () => {
      await send('reservation.accepted', minutesAgo(10));
      const reply = await send(
        'reservation.modified',
        minutesAgo(5),
        stay({ checkIn: '2027-06-11T15:00', checkOut: '2027-06-14T11:00' }),
      );
      expect(reply).toMatchObject({
        status: 200,
        body: { reservationId: id, status: 'accepted', version: 2 },
      });
      expect(await stored()).toMatchObject({
        checkIn: Date.parse('2027-06-11T15:00:00Z'),
        code: {
          activeFrom: Date.parse('2027-06-11T15:00:00Z'),
          activeUntil: Date.parse('2027-06-14T11:00:00Z'),
        },
      });
      expect(entries()).toMatchObject({
        message: '2027-06-11T14:50:00.000Z',
        delete: '2027-06-15T11:00:00.000Z',
      });
    });

    it('keeps the PIN and code name chosen at acceptance, so the guest’s code stays valid', async () => {
      await send('reservation.accepted', minutesAgo(10));
      const before = await stored();
      await send('reservation.modified', minutesAgo(5), stay({ checkOut: '2027-06-13T11:00' }));
      expect((await stored())?.code).toMatchObject({ pin: before?.code.pin, name: before?.code.name });
    });

    it('answers 400 naming the field and writes nothing when the payload is bad (R9.2)', async () => {
      await send('reservation.accepted', minutesAgo(10));
      const reply = await send('reservation.modified', minutesAgo(5), stay({ checkOut: 'next tuesday' }));
      expect(reply.status).toBe(400);
      expect(reply.body.error.field).toBe('reservation.check_out');
      expect((await stored())?.version).toBe(1);
    });

    it('answers 404 naming the property when it moves to one the host does not have', async () => {
      await send('reservation.accepted', minutesAgo(10));
      const reply = await send('reservation.modified', minutesAgo(5), stay({ propertyId: 'nowhere' }));
      expect(reply.status).toBe(404);
      expect(reply.body.error.field).toBe('reservation.property_id');
      expect((await stored())?.version).toBe(1);
    });
  });

  describe('R7.2 a cancellation', () => {
    it('removes the provisioning and message entries and moves deletion to a day after it (R2.4)', async () => {
      await send('reservation.accepted', minutesAgo(10));
      const cancelledAt = minutesAgo(2);
      const reply = await send('reservation.cancelled', cancelledAt);
      expect(reply).toMatchObject({ status: 200, body: { status: 'cancelled', version: 2 } });
      expect(await stored()).toMatchObject({ status: 'cancelled', cancelledAt });
      expect(entries()).toEqual({ delete: new Date(cancelledAt + 24 * HOUR).toISOString() });
    });
  });

  describe('R9.1 events out of order converge to the newest version', () => {
    it('takes a modification that overtook its acceptance as the acceptance; the acceptance then changes nothing', async () => {
      const modified = stay({ checkOut: '2027-06-15T11:00' });
      const first = await send('reservation.modified', minutesAgo(5), modified);
      expect(first).toMatchObject({ status: 201, body: { status: 'accepted', version: 1 } });
      expect(Object.keys(entries()).sort()).toEqual(['delete', 'message', 'provision']);
      const late = await send('reservation.accepted', minutesAgo(10));
      expect(late).toMatchObject({ status: 200, body: { version: 1 } });
      expect((await stored())?.checkOut).toBe(Date.parse('2027-06-15T11:00:00Z'));
      expect((await stored())?.timeline[0]).toMatchObject({
        event: 'reservation.accepted',
        detail: 'from reservation.modified, delivered before the acceptance',
      });
    });

    it('ignores an older modification arriving after a newer one: no write, no entry moved', async () => {
      await send('reservation.accepted', minutesAgo(30));
      await send('reservation.modified', minutesAgo(5), stay({ checkOut: '2027-06-14T11:00' }));
      const newest = await stored();
      const calls = { ...runtime.calls };
      const old = await send('reservation.modified', minutesAgo(20), stay({ checkOut: '2027-06-20T11:00' }));
      expect(old).toMatchObject({ status: 200, body: { version: newest?.version } });
      expect(await stored()).toEqual(newest);
      expect(runtime.calls.scheduler).toBe(calls.scheduler);
    });

    it('changes nothing when the same modification is delivered twice', async () => {
      await send('reservation.accepted', minutesAgo(30));
      const at = minutesAgo(5);
      await send('reservation.modified', at, stay({ checkOut: '2027-06-14T11:00' }), `evt-twice-${id}`);
      const once = await stored();
      const again = await send(
        'reservation.modified',
        at,
        stay({ checkOut: '2027-06-14T11:00' }),
        `evt-twice-${id}`,
      );
      expect(again.status).toBe(200);
      expect(await stored()).toEqual(once);
    });

    it('changes nothing the second time a cancellation is delivered', async () => {
      await send('reservation.accepted', minutesAgo(30));
      const at = minutesAgo(5);
      await send('reservation.cancelled', at);
      const once = await stored();
      const schedulerCalls = runtime.calls.scheduler;
      const again = await send('reservation.cancelled', at);
      expect(again).toMatchObject({ status: 200, body: { status: 'cancelled', version: once?.version } });
      expect(await stored()).toEqual(once);
      expect(runtime.calls.scheduler).toBe(schedulerCalls);
    });

    it('stores a cancellation that overtook its acceptance, so the late acceptance cannot bring it back', async () => {
      const first = await send('reservation.cancelled', minutesAgo(5));
      expect(first).toMatchObject({ status: 201, body: { status: 'cancelled', version: 1 } });
      expect(entries()).toEqual({}); // no code was chosen: nothing to set, message or delete
      expect(await send('reservation.accepted', minutesAgo(30))).toMatchObject({
        status: 200,
        body: { status: 'cancelled', version: 1 },
      });
      expect(await send('reservation.modified', minutesAgo(20))).toMatchObject({
        status: 200,
        body: { version: 1 },
      });
      expect(entries()).toEqual({});
    });

    it('keeps a reservation cancelled whatever arrives later, newer modifications included', async () => {
      await send('reservation.accepted', minutesAgo(30));
      await send('reservation.cancelled', minutesAgo(10));
      const cancelled = await stored();
      const reply = await send('reservation.modified', minutesAgo(1), stay({ checkOut: '2027-06-20T11:00' }));
      expect(reply).toMatchObject({ status: 200, body: { status: 'cancelled' } });
      expect(await stored()).toEqual(cancelled);
    });

    it('applies a cancellation even when it is older than the newest modification: cancelling is final', async () => {
      await send('reservation.accepted', minutesAgo(30));
      await send('reservation.modified', minutesAgo(5), stay({ checkOut: '2027-06-14T11:00' }));
      const cancelledAt = minutesAgo(10);
      const reply = await send('reservation.cancelled', cancelledAt);
      expect(reply.body.status).toBe('cancelled');
      expect(await stored()).toMatchObject({ status: 'cancelled', cancelledAt });
    });
  });
});
