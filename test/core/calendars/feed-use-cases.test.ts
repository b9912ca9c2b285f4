import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncProperty } from '#core/calendars/sync-property.ts';
import type { Deps } from '#core/deps.ts';
import type { FeedRequest, FeedResponse } from '#ports/feed-fetcher.ts';
import { airbnbFeed } from '../../e2e/calendar-feed-bodies.ts';
import { HOST, LockWorld, MINUTE } from '../lock-world.ts';

// The feed use cases on the in-memory store, in virtual time, with a fetcher the test answers for.

const START = Date.parse('2026-12-01T00:00:00Z');
const URL_A = 'https://calendar.example.com/ical/secret-token.ics';
const STAY = { uid: 'a1', start: '2026-12-03', end: '2026-12-05', code: 'HMAAAA1111', phone: '2208' };

describe('calendar feed use cases (R10)', () => {
  let world: LockWorld;
  let deps: Deps;
  const answers: FeedResponse[] = [];
  const requests: FeedRequest[] = [];
  const body = (text: string): FeedResponse => ({
    kind: 'body',
    body: text,
    byteLength: text.length,
    etag: '"v1"',
  });
  const sync = () => syncProperty(deps, HOST, 'lodge', { all: true });

  beforeAll(async () => {
    world = await LockWorld.start(START);
    deps = {
      ...world.runtime.deps,
      feedFetcher: {
        fetch: async (request) => {
          requests.push(request);
          return answers.shift() ?? { kind: 'failed', problem: 'timeout' };
        },
      },
    };
    await world.property('lodge');
    await world.lock('front');
    await world.match('lodge', 'front');
  });

  afterAll(() => world.stop());

  it('R10.1 adds a feed: a 201 with the URL masked, nothing written on a bad channel or URL', async () => {
    // Act
    const added = await world.api('POST', '/v1/properties/lodge/calendars', {
      url: URL_A,
      channel: 'airbnb',
    });
    const badChannel = await world.api('POST', '/v1/properties/lodge/calendars', {
      url: URL_A,
      channel: 'expedia',
    });
    const badUrl = await world.api('POST', '/v1/properties/lodge/calendars', {
      url: 'nope',
      channel: 'airbnb',
    });
    // Assert
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      url: 'https://calendar.example.com/…',
      status: 'pending',
      channel: 'airbnb',
    });
    expect([badChannel.status, badChannel.body.error?.field]).toEqual([400, 'channel']);
    expect([badUrl.status, badUrl.body.error?.field]).toEqual([400, 'url']);
    expect(JSON.stringify([badUrl.body, badChannel.body])).not.toContain('secret-token');
    expect(await deps.feeds.listFeeds(HOST, 'lodge')).toHaveLength(1);
  });

  it('R10.2 R10.4 accepts a stay, then sends the last validators and takes a 304 as the same read', async () => {
    // Arrange
    answers.push(body(airbnbFeed([STAY])), { kind: 'not_modified' });
    // Act
    const first = await sync();
    const second = await sync();
    // Assert
    expect(first).toMatchObject({ added: 1, changed: 0, cancelled: 0 });
    expect(second).toMatchObject({ added: 0, unchanged: 1, failed: 0 });
    expect(requests[1]).toMatchObject({ url: URL_A, etag: '"v1"' });
    const [feed] = await deps.feeds.listFeeds(HOST, 'lodge');
    expect(feed?.nextReadAt).toBe(Date.now() + 15 * MINUTE);
  });

  it('R10.8 routes a feed stay’s code message to the host, and to the guest once the host adds an email', async () => {
    // Arrange
    const [stay] = (await deps.feeds.listFeeds(HOST, 'lodge'))[0]?.state.stays ?? [];
    const id = stay?.reservationId ?? '';
    expect((await world.reservation(id)).source).toMatchObject({ uid: 'a1@airbnb.com' });
    // Act: a bad phone writes nothing; an email does
    const bad = await world.api('PATCH', `/v1/reservations/${id}`, { guest: { phone: '2208' } });
    const good = await world.api('PATCH', `/v1/reservations/${id}`, {
      guest: { email: 'guest@example.com' },
    });
    answers.push({ kind: 'not_modified' });
    await sync();
    await world.runUntil((await world.reservation(id)).code.activeFrom - 9 * MINUTE);
    // Assert
    expect([bad.status, bad.body.error?.field]).toEqual([400, 'guest.phone']);
    expect(good.status).toBe(200);
    const r = await world.reservation(id);
    expect(r.guest.email).toBe('guest@example.com');
    expect(r.code.communicatedVia).toEqual(['email']);
  });

  it('R10.5 R9.3 another host sees no feed of this property', async () => {
    const other = world.runtime.jwt.issue('host-2', Date.now());
    const reply = await world.runtime.request({
      method: 'GET',
      path: '/v1/properties/lodge/calendars',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(reply.statusCode).toBe(404);
  });

  it('R10.5 counts failed reads and keeps the reservations as they were', async () => {
    // Act: the fetcher has no answers left, so every read times out
    const before = await deps.reservations.pageReservations(HOST, 'lodge', { limit: 10 });
    const result = await sync();
    // Assert
    expect(result).toMatchObject({ feeds: 1, failed: 1, added: 0, cancelled: 0 });
    const after = await deps.reservations.pageReservations(HOST, 'lodge', { limit: 10 });
    expect(after.reservations.map((r) => r.status)).toEqual(before.reservations.map((r) => r.status));
    const [feed] = await deps.feeds.listFeeds(HOST, 'lodge');
    expect(feed?.health).toMatchObject({ failedReads: 1, lastError: { problem: 'timeout' } });
  });

  it('R10.5 keeps no validators of a bad body, so a later 304 cannot pass for a good read', async () => {
    // Arrange: a JSON error served with 200 and an ETag, as Airbnb sometimes answers (R10.9)
    answers.push({ kind: 'body', body: '{"error":"busy"}', byteLength: 16, etag: '"bad"' });
    // Act
    await sync();
    const [feed] = await deps.feeds.listFeeds(HOST, 'lodge');
    // Assert
    expect(feed?.validators.etag).not.toBe('"bad"');
    expect(feed?.health.failingSince).toBeDefined();
  });
});
