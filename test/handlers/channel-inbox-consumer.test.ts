import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryDeliveryRecords } from '#adapters/memory/memory-delivery-records.ts';
import { channelInboxConsumer } from '#handlers/stream/channel-inbox.ts';
import { messageSentEventBody, reservationEventBody } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { villaWithoutLocks } from '../support/villa.ts';

// The inbox consumer on its own: what it does with a delivery the table's stream hands it (R9.1,
// R9.5). Its deps are the local runtime's, on the in-memory store.

const HOST = 'host-1';

describe('the channel inbox consumer', () => {
  let runtime: LocalRuntime;
  let records: MemoryDeliveryRecords;
  let n = 0;

  const accepted = (id: string) => ({
    deliveryId: `evt-${id}`,
    event: reservationEventBody('reservation.accepted', `evt-${id}`, HOST, Date.now(), {
      reservationId: id,
      propertyId: 'villa',
      channel: 'direct',
      confirmationCode: `CONF-${id}`,
      guest: { name: 'Ana', email: 'ana@example.com' },
      checkIn: '2027-03-10T15:00',
      checkOut: '2027-03-12T11:00',
    }),
    receivedAt: Date.now(),
  });

  beforeAll(async () => {
    runtime = await LocalRuntime.start({ store: 'memory' });
    await villaWithoutLocks(runtime, HOST);
  });
  afterAll(() => runtime.stop());
  beforeEach(() => {
    records = new MemoryDeliveryRecords();
    n++;
  });

  it('R9.1 acts once on a delivery the stream hands over twice: the second run replays the outcome', async () => {
    const consume = channelInboxConsumer(runtime.deps, records);
    const delivery = accepted(`r${n}`);
    expect((await consume(delivery)).statusCode).toBe(201);
    const scheduled = runtime.calls.scheduler;
    const again = await consume(delivery);
    expect(again.statusCode).toBe(201);
    expect(runtime.calls.scheduler).toBe(scheduled);
    expect((await runtime.deps.reservations.getReservation(HOST, `r${n}`))?.version).toBe(1);
  });

  it('R9.2 keeps a refusal as the final outcome, counted, instead of failing the record', async () => {
    const consume = channelInboxConsumer(runtime.deps, records);
    const refusedBefore = runtime.metrics.total('ChannelDeliveriesRefused');
    const outcome = await consume({
      deliveryId: `msg-${n}`,
      event: messageSentEventBody(`msg-${n}`, HOST, Date.now(), {
        reservationId: 'no-such-stay',
        senderHostId: 'h2',
        sentAt: Date.now(),
      }),
      receivedAt: Date.now(),
    });
    expect(outcome.statusCode).toBe(404);
    expect(JSON.parse(String(outcome.body)).error.field).toBe('message.reservation_id');
    expect(runtime.metrics.total('ChannelDeliveriesRefused')).toBe(refusedBefore + 1);
  });

  it('R9.5 takes over the claim of a run that died, so the stream’s retry acts at once', async () => {
    const delivery = accepted(`r${n}`);
    // A run that claimed the delivery, then died before acting on it.
    await records.claim('channel', delivery.deliveryId, Date.now() - 1000);
    const outcome = await channelInboxConsumer(runtime.deps, records)(delivery);
    expect(outcome.statusCode).toBe(201);
  });

  it('R9.5 fails on a platform error, giving the delivery back, so the retry acts on it', async () => {
    const delivery = accepted(`r${n}`);
    const throttled = {
      ...runtime.deps,
      properties: {
        ...runtime.deps.properties,
        getProperty: async () => {
          throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
        },
      },
    };
    await expect(channelInboxConsumer(throttled, records)(delivery)).rejects.toThrow('throttled');
    expect(await runtime.deps.reservations.getReservation(HOST, `r${n}`)).toBeUndefined();
    expect((await channelInboxConsumer(runtime.deps, records)(delivery)).statusCode).toBe(201);
  });
});
