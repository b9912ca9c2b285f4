import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSvixWebhook } from '#core/webhooks/svix.ts';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

// R9.1: a redelivered webhook (same delivery id) gets the first answer back and changes nothing.
// A channel delivery is answered 202 once it is in the inbox, and acted on by the inbox consumer.

const HOST = 'host-1';

describe('R9.1 one delivery id, one effect', () => {
  let runtime: LocalRuntime;
  let n = 0;

  const acceptedBody = () =>
    reservationEventBody('reservation.accepted', `evt-${++n}`, HOST, Date.now(), {
      reservationId: `r${n}`,
      propertyId: 'villa',
      channel: 'direct',
      confirmationCode: `CONF${n}`,
      guest: { name: 'Ana', email: 'ana@example.com' },
      checkIn: '2027-03-10T15:00',
      checkOut: '2027-03-12T11:00',
    });
  const deliver = async (id: string, body: string, secret = runtime.channelSecrets[0] ?? '') => {
    const reply = await runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(secret, id, Date.now(), body),
    });
    await runtime.inbox.drained();
    return reply;
  };
  const outcome = (id: string) => runtime.inbox.outcome(id)?.statusCode;

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    const token = runtime.jwt.issue(HOST, Date.now());
    const api = (method: string, path: string, body: unknown) =>
      runtime.request({
        method,
        path,
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    await api('POST', '/v1/properties', { id: 'villa', name: 'Villa', timeZone: 'Europe/Berlin' });
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('answers a channel redelivery with the first response and writes nothing', async () => {
    const body = acceptedBody();
    const first = await deliver('delivery-1', body);
    expect(first.statusCode).toBe(202);
    expect(outcome('delivery-1')).toBe(201);
    const before = await tableSnapshot(runtime);
    const scheduled = runtime.calls.scheduler;
    const again = await deliver('delivery-1', body);
    expect(again).toEqual(first);
    expect(await tableSnapshot(runtime)).toBe(before);
    expect(runtime.calls.scheduler).toBe(scheduled);
  });

  it('runs the same event under a new delivery id through the domain rules, which change nothing', async () => {
    const body = acceptedBody();
    expect((await deliver('delivery-2', body)).statusCode).toBe(202);
    expect(outcome('delivery-2')).toBe(201);
    expect((await deliver('delivery-3', body)).statusCode).toBe(202);
    expect(outcome('delivery-3')).toBe(200);
    expect((await runtime.deps.reservations.getReservation(HOST, `r${n}`))?.version).toBe(1);
  });

  it('processes two concurrent deliveries of one id once', async () => {
    const body = acceptedBody();
    const { lambda } = runtime.calls;
    const answers = await Promise.all([deliver('delivery-4', body), deliver('delivery-4', body)]);
    // Both are answered 202; only the put that stored the item reached the consumer.
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202]);
    expect(runtime.calls.lambda).toBe(lambda + 3);
    expect(outcome('delivery-4')).toBe(201);
    expect((await runtime.deps.reservations.getReservation(HOST, `r${n}`))?.version).toBe(1);
  });

  it('gives the id back when the delivery fails, so the retry runs', async () => {
    const body = reservationEventBody('reservation.accepted', 'evt-x', HOST, Date.now(), {
      reservationId: 'r-later',
      propertyId: 'cabin',
      channel: 'direct',
      confirmationCode: 'LATER',
      guest: { name: 'Bo' },
      checkIn: '2027-04-10T15:00',
      checkOut: '2027-04-12T11:00',
    });
    // Refused at the edge (R9.2): nothing is queued, so the id stays free for the retry.
    expect((await deliver('delivery-5', body)).statusCode).toBe(404);
    expect(await runtime.inbox.queued('delivery-5')).toBeUndefined();
    const token = runtime.jwt.issue(HOST, Date.now());
    await runtime.request({
      method: 'POST',
      path: '/v1/properties',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: 'cabin', name: 'Cabin', timeZone: 'Europe/Berlin' }),
    });
    expect((await deliver('delivery-5', body)).statusCode).toBe(202);
    expect(outcome('delivery-5')).toBe(201);
  });

  it('never replays an answer to a request that is not signed', async () => {
    const body = acceptedBody();
    await deliver('delivery-6', body);
    const forged = await deliver('delivery-6', body, 'not-the-secret');
    expect(forged.statusCode).toBe(401);
  });

  it('answers a lock-provider redelivery with the first response', async () => {
    const body = JSON.stringify({
      event_id: 'e1',
      event_type: 'device.connected',
      device_id: 'unknown-device',
      occurred_at: new Date().toISOString(),
    });
    const send = () =>
      runtime.request({
        method: 'POST',
        path: '/webhooks/locks',
        headers: signSvixWebhook(runtime.lockProviderSecret, 'msg_1', Date.now(), body),
        body,
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    const before = await tableSnapshot(runtime);
    expect(await send()).toEqual(first);
    expect(await tableSnapshot(runtime)).toBe(before);
  });
});
