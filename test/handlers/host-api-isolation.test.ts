import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#handlers/http/host-api.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { reservation } from '../adapters/aws/fixtures.ts';
import { hostApiClient } from '../support/host-api-client.ts';

// R9.3 over the whole route table: whatever route a host calls with another host's ids, it reads,
// changes and learns nothing of them. A route added to ROUTES is covered without editing this file.

const ME = 'host-me';
const OTHER = 'host-other';

/** Another host's resource, and one nobody has, for each path parameter. */
const THEIRS: Record<string, string> = {
  propertyId: `${OTHER}-villa`,
  lockId: `${OTHER}-front`,
  reservationId: `${OTHER}-r1`,
  staffId: `${OTHER}-crew`,
  // An account is the host's own connection to a provider: theirs is one this host never connected.
  provider: 'seam',
};
const missing = (name: string) => (name === 'provider' ? 'seam' : `no-such-${name.toLowerCase()}`);

/** Valid bodies, so a route reaches its lookup instead of stopping at validation. */
const BODIES: Record<string, unknown> = {
  'POST /v1/properties': { id: 'my-villa', name: 'Mine', timeZone: 'UTC' },
  'PATCH /v1/properties/{propertyId}': { name: 'Taken over', bufferAfterMinutes: 600 },
  'POST /v1/lock-accounts': { provider: 'sandbox' },
  'POST /v1/locks': { id: 'my-lock', name: 'Mine', provider: 'sandbox', deviceId: 'my-device' },
  'POST /v1/reservations/{reservationId}/render-message': { template: 'Code: %smartlock_code%', send: true },
  'PATCH /v1/reservations/{reservationId}': { guest: { email: 'guest@example.com' } },
  // A staff member on this host's own property (made in beforeAll); the patch is refused for theirs.
  'POST /v1/staff': { name: 'My crew', propertyIds: ['my-home'], schedule: 'always' },
  'PATCH /v1/staff/{staffId}': { name: 'Taken over', propertyIds: ['my-home'] },
  'POST /v1/properties/{propertyId}/calendars': {
    url: 'https://calendar.example.com/a.ics',
    channel: 'airbnb',
  },
};

/** Query strings that name a resource, filled like path parameters. */
const QUERIES: Record<string, string> = {
  'GET /v1/reservations': '?propertyId={propertyId}',
};

const fill = (pattern: string, value: (name: string) => string) =>
  pattern.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));

describe('R9.3 tenant isolation through every host API route', () => {
  let runtime: LocalRuntime;
  let call: ReturnType<typeof hostApiClient>;
  /** Everything the other host can see of its own resources. */
  const otherView = async () =>
    Promise.all([
      call(OTHER, 'GET', '/v1/properties'),
      call(OTHER, 'GET', '/v1/locks'),
      call(OTHER, 'GET', '/v1/lock-accounts'),
      call(OTHER, 'GET', `/v1/reservations/${THEIRS.reservationId}`),
      call(OTHER, 'GET', `/v1/properties/${THEIRS.propertyId}/calendars`),
      call(OTHER, 'GET', `/v1/staff/${THEIRS.staffId}`),
    ]);

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    call = hostApiClient(runtime);
    expect((await call(OTHER, 'POST', '/v1/lock-accounts', { provider: 'seam' })).status).toBe(201);
    const property = { id: THEIRS.propertyId, name: 'Theirs', timeZone: 'UTC' };
    expect((await call(OTHER, 'POST', '/v1/properties', property)).status).toBe(201);
    runtime.sandbox.addDevice({ deviceId: 'their-device', model: 'generic', codeLengths: [6], maxCodes: 10 });
    const lock = { id: THEIRS.lockId, name: 'Theirs', provider: 'sandbox', deviceId: 'their-device' };
    expect((await call(OTHER, 'POST', '/v1/locks', lock)).status).toBe(201);
    expect(
      (await call(OTHER, 'PUT', `/v1/properties/${THEIRS.propertyId}/locks/${THEIRS.lockId}`)).status,
    ).toBe(200);
    const stay = reservation(OTHER, THEIRS.reservationId ?? '', THEIRS.propertyId, '602417');
    await runtime.deps.reservations.createReservation({ ...stay, code: { ...stay.code, locks: [] } });
    const feed = { url: 'https://calendar.example.com/theirs.ics', channel: 'vrbo' };
    const added = await call(OTHER, 'POST', `/v1/properties/${THEIRS.propertyId}/calendars`, feed);
    expect(added.status).toBe(201);
    THEIRS.calendarId = added.body.calendarId;
    const crew = {
      id: THEIRS.staffId,
      name: 'Their crew',
      propertyIds: [THEIRS.propertyId],
      schedule: 'turnovers',
    };
    expect((await call(OTHER, 'POST', '/v1/staff', crew)).status).toBe(201);
    expect(
      (await call(ME, 'POST', '/v1/properties', { id: 'my-home', name: 'Home', timeZone: 'UTC' })).status,
    ).toBe(201);
  });
  afterAll(() => runtime.stop());

  it.each(ROUTES.map(([method, pattern]) => [method, pattern]))(
    '%s %s answers another host’s ids exactly as missing ones, and changes nothing',
    async (method, pattern) => {
      const before = await otherView();
      const body = BODIES[`${method} ${pattern}`];
      const target = pattern + (QUERIES[`${method} ${pattern}`] ?? '');
      const theirs = await call(
        ME,
        method,
        fill(target, (n) => THEIRS[n] ?? missing(n)),
        body,
      );
      const nobodys = await call(ME, method, fill(target, missing), body);
      const sameAnswer = (reply: { status: number; body: Record<string, unknown> }) => ({
        status: reply.status,
        body: { ...reply.body, correlationId: undefined },
      });

      if (target.includes('{')) {
        expect(sameAnswer(theirs)).toEqual(sameAnswer(nobodys));
        expect([200, 404]).toContain(theirs.status);
      } else {
        expect(theirs.status).toBeLessThan(300);
      }
      expect(JSON.stringify(theirs.body)).not.toContain(OTHER);
      expect(JSON.stringify(theirs.body)).not.toContain('602417');
      expect(await otherView()).toEqual(before);
    },
  );

  it('lists nothing of another host’s property’s reservations (R9.3)', async () => {
    const reply = await call(ME, 'GET', `/v1/reservations?propertyId=${THEIRS.propertyId}`);
    expect(reply.body).toEqual({ reservations: [], cursor: null });
  });

  it.each(ROUTES.map(([method, pattern]) => [method, pattern]))(
    '%s %s answers 401 without a token, before any function runs',
    async (method, pattern) => {
      const reply = await call(
        undefined,
        method,
        fill(pattern, (n) => THEIRS[n] ?? missing(n)),
        BODIES[`${method} ${pattern}`],
      );
      expect(reply).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    },
  );

  it('answers a token signed by another key 401 (R9.3)', async () => {
    const forged = `${runtime.jwt.issue(ME, Date.now()).slice(0, -4)}AAAA`;
    const reply = await runtime.request({
      method: 'GET',
      path: '/v1/properties',
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(reply.statusCode).toBe(401);
  });
});
