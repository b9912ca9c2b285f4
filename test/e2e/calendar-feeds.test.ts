import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reservation } from '#core/model.ts';
import type { HostAlert } from '#ports/host-notifier.ts';
import { FeedServer } from '../support/feed-server.ts';
import { HOST, HOUR, MessageWorld, MINUTE } from '../support/message-world.ts';
import { airbnbFeed, type FeedStay, vrboFeed } from './calendar-feed-bodies.ts';

// Calendar feeds end to end, on the local runtime in virtual time (R10): a loopback server serves an
// Airbnb-shaped and a Vrbo-shaped feed; the host only adds the two links through the API.

const START = Date.parse('2026-12-01T00:00:00Z');
const day = (n: number) => new Date(START + n * 24 * HOUR).toISOString().slice(0, 10);
const at = (offset: number) => START + offset;
const justAfter = (instant: number) => instant + MINUTE;

const A1: FeedStay = { uid: 'a1', start: day(2), end: day(4), code: 'HMAAAA1111', phone: '2208' };
const A2: FeedStay = { uid: 'a2', start: day(7), end: day(9), code: 'HMBBBB2222', phone: '7310' };
const V1: FeedStay = { uid: 'v1-0e1d2c3b', start: day(5), end: day(6), name: 'Ines Marlow' };

describe('calendar feeds end to end (R10)', () => {
  let world: MessageWorld;
  let feeds: FeedServer;
  const byCode = new Map<string, string>();

  const reservation = async (code: string): Promise<Reservation> =>
    world.reservation(byCode.get(code) ?? code);
  const alerts = (kind: string): HostAlert[] =>
    world.runtime.outbox.entries.flatMap((e) =>
      e.via === 'alert' && e.message.kind === kind ? [e.message] : [],
    );

  beforeAll(async () => {
    feeds = await FeedServer.start();
    feeds.set('/airbnb.ics', { kind: 'body', body: airbnbFeed([A1, A2]) });
    feeds.set('/vrbo.ics', { kind: 'body', body: vrboFeed([V1]) });
    world = await MessageWorld.start(START, 'dynalite');
    world.runtime.feedReading.start();
    await world.property('lodge', { name: 'Pine Lodge' });
    await world.lock('front', 'lodge');
  });

  afterAll(async () => {
    await world?.stop();
    await feeds?.stop();
  });

  it('R10.1 R10.7 the host adds both links through the API and sees them masked', async () => {
    // Act
    const airbnb = await world.api('POST', '/v1/properties/lodge/calendars', {
      url: feeds.url('/airbnb.ics'),
      channel: 'airbnb',
    });
    const vrbo = await world.api('POST', '/v1/properties/lodge/calendars', {
      url: feeds.url('/vrbo.ics'),
      channel: 'vrbo',
    });
    // Assert
    expect(airbnb.status).toBe(201);
    expect(vrbo.status).toBe(201);
    expect(airbnb.body.url).toBe(`${new URL(feeds.url('/')).origin}/…`);
    expect(JSON.stringify([airbnb.body, vrbo.body])).not.toContain('.ics');
  });

  it('R10.2 R2.3 the stays appear at the first quarter-hour read and codes go on the lock at once', async () => {
    // Act
    await world.runUntil(justAfter(at(15 * MINUTE)));
    // Assert
    const list = await world.runtime.deps.reservations.pageReservations(HOST, 'lodge', { limit: 10 });
    for (const r of list.reservations) {
      const stored = await world.reservation(r.reservationId);
      byCode.set(stored.channel === 'vrbo' ? 'V1' : stored.confirmationCode, r.reservationId);
    }
    expect(list.reservations.map((r) => r.channel).sort()).toEqual(['airbnb', 'airbnb', 'vrbo']);
    expect((await reservation('HMAAAA1111')).code.locks[0]?.status).toBe('set');
    const calendars = await world.api('GET', '/v1/properties/lodge/calendars');
    expect(
      calendars.body.calendars.map((c: { status: string; staysSeen: number }) => [c.status, c.staysSeen]),
    ).toEqual(
      expect.arrayContaining([
        ['ok', 2],
        ['ok', 1],
      ]),
    );
  });

  it('R10.1 a later read is a conditional GET, answered 304', async () => {
    await world.runUntil(justAfter(at(30 * MINUTE)));
    expect(feeds.count('/airbnb.ics', 304)).toBeGreaterThan(0);
    expect(feeds.log.filter((l) => l.status === 304).every((l) => l.conditional)).toBe(true);
  });

  it('R10.4 R10.5 a bad afternoon of 503s changes nothing, and alerts the host once after 6 hours', async () => {
    // Arrange
    const before = await reservation('HMBBBB2222');
    await world.runUntil(at(11 * HOUR + 50 * MINUTE));
    feeds.set('/airbnb.ics', { kind: 'status', status: 503 });
    // Act and assert: no alert before 6 hours of failures, one after
    await world.runUntil(at(17 * HOUR + 55 * MINUTE));
    expect(alerts('feed_failing')).toHaveLength(0);
    await world.runUntil(at(19 * HOUR + 50 * MINUTE));
    expect(alerts('feed_failing')).toHaveLength(1);
    expect(JSON.stringify(alerts('feed_failing'))).not.toContain('/airbnb.ics');
    const after = await reservation('HMBBBB2222');
    expect([after.status, after.checkIn, after.code.pin]).toEqual([
      before.status,
      before.checkIn,
      before.code.pin,
    ]);
    const calendars = await world.api('GET', '/v1/properties/lodge/calendars');
    expect(calendars.body.calendars.map((c: { status: string }) => c.status).sort()).toEqual([
      'failing',
      'ok',
    ]);
  });

  it('R10.5 a recovered feed reads again and is ok', async () => {
    feeds.set('/airbnb.ics', { kind: 'body', body: airbnbFeed([A1, A2]) });
    await world.runUntil(justAfter(at(20 * HOUR)));
    const calendars = await world.api('GET', '/v1/properties/lodge/calendars');
    expect(calendars.body.calendars.map((c: { status: string }) => c.status)).toEqual(['ok', 'ok']);
    expect(alerts('feed_failing')).toHaveLength(1);
  });

  it('R7.1 R10.4 a date change in the Vrbo feed moves the reservation', async () => {
    // Act
    feeds.set('/vrbo.ics', { kind: 'body', body: vrboFeed([{ ...V1, end: day(7) }]) });
    await world.runUntil(justAfter(at(20 * HOUR + 15 * MINUTE)));
    // Assert
    const v1 = await reservation('V1');
    expect([v1.status, new Date(v1.checkOut).toISOString()]).toEqual(['accepted', `${day(7)}T11:00:00.000Z`]);
    expect(v1.code.activeUntil).toBe(v1.checkOut);
  });

  it('R10.4 a stay gone from the feed is cancelled only at the second good read 30 minutes on', async () => {
    // Arrange
    await world.runUntil(at(21 * HOUR + 5 * MINUTE));
    const answered304 = feeds.count('/airbnb.ics', 304);
    feeds.set('/airbnb.ics', { kind: 'body', body: airbnbFeed([A1]) });
    // Act and assert: lacking at 21:15 and at 21:30 (a 304), not yet cancelled; at 21:45 (a 304), cancelled
    await world.runUntil(justAfter(at(21 * HOUR + 30 * MINUTE)));
    expect((await reservation('HMBBBB2222')).status).toBe('accepted');
    await world.runUntil(justAfter(at(21 * HOUR + 45 * MINUTE)));
    expect((await reservation('HMBBBB2222')).status).toBe('cancelled');
    expect(feeds.count('/airbnb.ics', 304) - answered304).toBe(2);
  });

  it('R2.3 R10.8 the code message reaches the host to forward, never a channel conversation', async () => {
    // Act
    const a1 = await reservation('HMAAAA1111');
    await world.runUntil(justAfter(a1.code.activeFrom - 10 * MINUTE));
    // Assert
    const forHost = alerts('code_for_guest').filter((m) => m.reservationId === a1.reservationId);
    expect(forHost).toHaveLength(1);
    expect(forHost[0]?.text).toContain(a1.code.pin);
    expect(forHost[0]?.hostId).toBe(HOST);
    expect(world.runtime.outbox.entries.filter((e) => e.via === 'airbnb' || e.via === 'vrbo')).toEqual([]);
  });
});
