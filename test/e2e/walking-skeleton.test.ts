import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { serveHttp } from '#local/http-server.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';
import { call } from '../support/http.ts';

// One direct booking travels the whole way on the local runtime, in virtual time.

const START = Date.parse('2026-12-01T12:00:00Z');
// 16:00 in New York on Dec 4 is 21:00Z; bufferBefore 60 min → activeFrom 20:00Z.
const ACTIVE_FROM = Date.parse('2026-12-04T20:00:00Z');
// 11:00 in New York on Dec 6 is 16:00Z; bufferAfter 30 min → activeUntil 16:30Z.
const ACTIVE_UNTIL = Date.parse('2026-12-06T16:30:00Z');
const HOUR = 3_600_000;

interface AccessView {
  status: string;
  code: { pin: string; locks: { lockId: string; status: string; attempts: number }[] };
}

describe('walking skeleton: one reservation end to end', () => {
  let runtime: LocalRuntime;
  let server: Server;
  let url: string;
  let time: VirtualTime;
  let token: string;
  let pin: string;

  const secret = () => runtime.channelSecrets[0] ?? '';
  const reservation = async () =>
    (await call(url, 'GET', '/v1/reservations/r1', { token })).body as AccessView;

  beforeAll(async () => {
    let seed = 42;
    runtime = await LocalRuntime.start({
      random: () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      },
    });
    ({ server, url } = await serveHttp(runtime));
    time = VirtualTime.install(START, runtime.activity);
    token = runtime.jwt.issue('host-1', Date.now());
    for (const deviceId of ['front-door', 'back-door']) {
      runtime.sandbox.addDevice({ deviceId, model: 'generic', codeLengths: [4, 5, 6, 7, 8], maxCodes: 100 });
    }
    const property = {
      id: 'beach-house',
      name: 'Beach House',
      timeZone: 'America/New_York',
      bufferBeforeMinutes: 60,
      bufferAfterMinutes: 30,
    };
    expect(
      (await call(url, 'POST', '/v1/properties', { token, body: JSON.stringify(property) })).status,
    ).toBe(201);
    for (const [id, name] of [
      ['front', 'front-door'],
      ['back', 'back-door'],
    ] as const) {
      const lock = { id, name: `${id} door`, provider: 'sandbox', deviceId: name, nativeScheduling: true };
      expect((await call(url, 'POST', '/v1/locks', { token, body: JSON.stringify(lock) })).status).toBe(201);
      expect((await call(url, 'PUT', `/v1/properties/beach-house/locks/${id}`, { token })).status).toBe(200);
    }
  });

  afterAll(async () => {
    time?.uninstall();
    server?.close();
    await runtime?.stop();
  });

  it('accepts a signed reservation.accepted webhook and chooses the code at once (R2.2)', async () => {
    const body = reservationEventBody('reservation.accepted', 'evt-1', 'host-1', Date.now(), {
      reservationId: 'r1',
      propertyId: 'beach-house',
      channel: 'direct',
      confirmationCode: 'CONFR1',
      guest: { name: 'Ana Pérez', email: 'ana@example.com', phone: '+15551234567' },
      checkIn: '2026-12-04T16:00',
      checkOut: '2026-12-06T11:00',
    });
    const reply = await call(
      url,
      'POST',
      '/webhooks/channel',
      signedDelivery(secret(), 'evt-1', Date.now(), body),
    );
    // Queued at the edge (R9.5), then acted on by the inbox consumer.
    expect(reply.status).toBe(202);
    await time.settle();
    expect(runtime.inbox.outcome('evt-1')?.statusCode).toBe(201);
    const view = await reservation();
    expect(view.code.pin).toMatch(/^\d{4,8}$/);
    expect(view.code.locks.map((l) => l.status)).toEqual(['pending', 'pending']);
    pin = view.code.pin;
    const pending = runtime.scheduler.pending();
    expect(pending.map((j) => [j.kind, new Date(j.at).toISOString()])).toEqual([
      ['provision', new Date(ACTIVE_FROM - 72 * HOUR).toISOString()],
      ['message', new Date(ACTIVE_FROM - 10 * 60_000).toISOString()],
      ['delete', new Date(ACTIVE_UNTIL + 24 * HOUR).toISOString()],
    ]);
  });

  it('sets the same PIN on both locks, counted only once the provider confirms (R1.1, R2.3, R4.2)', async () => {
    await time.runUntil(ACTIVE_FROM - 72 * HOUR);
    expect((await reservation()).code.locks.map((l) => l.status)).toEqual(['requested', 'requested']);
    await time.runUntil(ACTIVE_FROM - 71 * HOUR);
    const view = await reservation();
    expect(view.code.locks.map((l) => [l.lockId, l.status, l.attempts])).toEqual([
      ['front', 'set', 1],
      ['back', 'set', 1],
    ]);
    for (const device of ['front-door', 'back-door']) {
      expect(runtime.sandbox.codesOnDevice(device).map((c) => c.code)).toContain(pin);
    }
  });

  it('sends the guest the PIN by email and SMS ten minutes before activeFrom (R5.1, R5.2)', async () => {
    await time.runUntil(ACTIVE_FROM - 11 * 60_000);
    expect(runtime.outbox.entries).toHaveLength(0);
    await time.runUntil(ACTIVE_FROM - 10 * 60_000);
    const sent = runtime.outbox.entries.map((e) => [e.via, e.at]);
    expect(sent).toEqual([
      ['email', ACTIVE_FROM - 10 * 60_000],
      ['sms', ACTIVE_FROM - 10 * 60_000],
    ]);
    for (const entry of runtime.outbox.entries) {
      expect(entry.message.text).toContain(pin);
    }
  });

  it('removes the code from both locks 24 hours after activeUntil (R7.2)', async () => {
    await time.runUntil(ACTIVE_UNTIL + 24 * HOUR - 60_000);
    expect(runtime.sandbox.codesOnDevice('front-door').map((c) => c.code)).toContain(pin);
    await time.runUntil(ACTIVE_UNTIL + 25 * HOUR);
    for (const device of ['front-door', 'back-door']) {
      expect(runtime.sandbox.codesOnDevice(device).map((c) => c.code)).not.toContain(pin);
    }
    expect((await reservation()).code.locks.map((l) => l.status)).toEqual(['removed', 'removed']);
    expect(runtime.failures).toEqual([]);
  });
});
