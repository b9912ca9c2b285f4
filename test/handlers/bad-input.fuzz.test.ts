import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSvixWebhook } from '#core/webhooks/svix.ts';
import { ROUTES } from '#handlers/http/host-api.ts';
import type { HttpResponse } from '#handlers/http/http.ts';
import { messageSentEventBody, reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

// R9.2: random and mutated bodies, headers and paths on every route get a 4xx naming the problem,
// never a 5xx, and nothing is written. One runtime for the file; 2,000 cases per route.

const RUNS = 2_000;
const HOST = 'host-1';

/** A value no field of any request accepts in place of the one it replaces. */
const badValue = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, true, [], {}, '', 'x'.repeat(300)),
  fc.integer(),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);
/** Date-times that look right and name no instant. */
const badDate = fc.oneof(
  badValue,
  fc.constantFrom('2026-02-30T10:00', '2026-13-45T99:99', '2027-03-10T25:00', '2027-03-10', 'tomorrow'),
);
const DATE_FIELDS = new Set(['check_in', 'check_out', 'occurred_at', 'sent_at']);
const randomBody = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom('', '{', 'null', '[]', '{"version":"2026-11-01"}', '\u0000', '{"event_type":1}'),
);
const randomHeaders = fc.dictionary(
  fc.constantFrom(
    'webhook-id',
    'webhook-timestamp',
    'webhook-signature',
    'svix-id',
    'svix-timestamp',
    'svix-signature',
    'content-type',
    'authorization',
    'x-any',
  ),
  fc.string({ maxLength: 80 }),
);

/** A path segment naming nothing that exists, often malformed. */
const segment = fc.oneof(
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom('%', '%E0%A4%A', '..', 'nope', 'x'.repeat(100), '%00', 'a b'),
);

type Json = Record<string, unknown>;
/** Paths of a JSON object's leaves and branches: the places a mutation can hit. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))].filter(
    (p) => p.length > 0,
  );
}
function mutate(doc: Json, path: string[], value: unknown, remove: boolean): Json {
  const copy = structuredClone(doc);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  const last = path.at(-1) as string;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** A mutation that must make the document invalid: a required field removed, or any field spoiled. */
const spoiled = (doc: Json, optional: ReadonlySet<string>) =>
  fc
    .record({
      path: fc.constantFrom(...paths(doc)),
      value: badValue,
      date: badDate,
      remove: fc.boolean(),
    })
    .map(({ path, value, date, remove }) => {
      const original = path.reduce<unknown>((node, key) => (node as Json)?.[key], doc);
      let spoilt = DATE_FIELDS.has(path.at(-1) ?? '') ? date : value;
      if (typeof original === 'boolean' && typeof spoilt === 'boolean') spoilt = String(spoilt);
      return JSON.stringify(mutate(doc, path, spoilt, remove && !optional.has(path.join('.'))));
    });

/** A refusal; `allowed` names the harmless successes a route may answer (a read, an ignored event). */
function expectRefusal(
  response: HttpResponse,
  allowed?: (status: number, body: { outcome?: string }) => boolean,
): void {
  const status = response.statusCode ?? 0;
  const body = JSON.parse(String(response.body)) as {
    error?: { code?: string; message?: string; field?: string };
    message?: string;
    outcome?: string;
  };
  if (allowed?.(status, body)) return;
  expect(status, String(response.body)).toBeGreaterThanOrEqual(400);
  expect(status, String(response.body)).toBeLessThan(500);
  // API Gateway's own refusals (no route, no token) carry only a message.
  if (body.error === undefined) {
    expect(body.message).toEqual(expect.any(String));
    return;
  }
  expect(body.error.code).toEqual(expect.any(String));
  expect(body.error.message).toEqual(expect.any(String));
  if (status === 400) expect(body.error.field).toEqual(expect.any(String));
}

const ignored = (status: number, body: { outcome?: string }) => status === 200 && body.outcome === 'ignored';

describe('R9.2 bad input on every route: a 4xx naming the problem, nothing written', () => {
  let runtime: LocalRuntime;
  let before: string;
  let token: string;
  let reservation: Json;
  let message: Json;
  let lockEvent: Json;

  const channel = (body: string, headers?: Record<string, string>) => {
    const delivery = signedDelivery(
      runtime.channelSecrets[0] ?? '',
      `fuzz-${Math.random()}`,
      Date.now(),
      body,
    );
    return runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      body,
      headers: headers ?? delivery.headers,
    });
  };
  const locks = (body: string, headers?: Record<string, string>) => {
    const signed = signSvixWebhook(runtime.lockProviderSecret, `fuzz-${Math.random()}`, Date.now(), body);
    return runtime.request({ method: 'POST', path: '/webhooks/locks', body, headers: headers ?? signed });
  };

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    token = runtime.jwt.issue(HOST, Date.now());
    const api = (method: string, path: string, body: unknown) =>
      runtime.request({
        method,
        path,
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    runtime.sandbox.addDevice({
      deviceId: 'front-door',
      model: 'generic',
      codeLengths: [4, 6],
      maxCodes: 100,
    });
    await api('POST', '/v1/properties', { id: 'villa', name: 'Villa', timeZone: 'Europe/Berlin' });
    await api('POST', '/v1/locks', {
      id: 'front',
      name: 'Front',
      provider: 'sandbox',
      deviceId: 'front-door',
    });
    await api('PUT', '/v1/properties/villa/locks/front', {});
    const fields = {
      reservationId: 'r1',
      propertyId: 'villa',
      channel: 'airbnb' as const,
      confirmationCode: 'CONF1',
      guest: { name: 'Ana', email: 'ana@example.com', phone: '+4915112345678', locale: 'de-DE' },
      checkIn: '2027-03-10T15:00',
      checkOut: '2027-03-12T11:00',
    };
    const accepted = reservationEventBody('reservation.accepted', 'evt-1', HOST, Date.now(), fields);
    expect((await channel(accepted)).statusCode).toBe(202);
    await runtime.inbox.drained();
    expect(await runtime.deps.reservations.getReservation(HOST, 'r1')).toBeDefined();
    // The templates are fresh events about what exists, so a mutation that stayed valid would write.
    reservation = JSON.parse(
      reservationEventBody('reservation.modified', 'evt-2', HOST, Date.now() + 1000, {
        ...fields,
        checkOut: '2027-03-13T11:00',
      }),
    );
    message = JSON.parse(
      messageSentEventBody('evt-3', HOST, Date.now(), {
        reservationId: 'r1',
        senderHostId: 'h2',
        sentAt: Date.now(),
      }),
    );
    // About a code Lockstep did not create: a mutation that stayed valid is acknowledged and ignored.
    lockEvent = {
      event_id: 'e1',
      event_type: 'access_code.set_on_device',
      device_id: 'front-door',
      access_code_id: 'ac_foreign',
      occurred_at: new Date(Date.now() + 1000).toISOString(),
    };
    before = await tableSnapshot(runtime, { withDeliveries: false });
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('POST /webhooks/channel: random and spoiled events, signed', async () => {
    const optional = new Set([
      'reservation.guest.email',
      'reservation.guest.phone',
      'reservation.guest.locale',
      'message.contains_smartlock_code',
    ]);
    const body = fc.oneof(randomBody, spoiled(reservation, optional), spoiled(message, optional));
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectRefusal(await channel(b))),
      { numRuns: RUNS },
    );
  });

  it('POST /webhooks/channel and /webhooks/locks: random and tampered headers', async () => {
    const good = JSON.stringify(reservation);
    await fc.assert(
      fc.asyncProperty(randomHeaders, fc.boolean(), async (headers, toLocks) =>
        expectRefusal(await (toLocks ? locks(JSON.stringify(lockEvent), headers) : channel(good, headers))),
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /webhooks/locks: random and spoiled Seam events, signed', async () => {
    const body = fc.oneof(randomBody, spoiled(lockEvent, new Set()));
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectRefusal(await locks(b), ignored)),
      { numRuns: RUNS },
    );
  });

  it.each(ROUTES.map(([method, pattern]) => [method, pattern]))(
    '%s %s: random path parameters, query and bodies',
    async (method, pattern) => {
      const params = pattern.match(/\{\w+\}/g) ?? [];
      const auth = fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false));
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: params.length, maxLength: params.length }),
          randomBody,
          auth,
          fc.string({ maxLength: 30 }),
          async (values, b, signedIn, q) => {
            const path = params.reduce((p, param, i) => p.replace(param, values[i] ?? ''), pattern);
            const headers: Record<string, string> = signedIn ? { authorization: `Bearer ${token}` } : {};
            const response = await runtime.request({ method, path, headers, body: b, query: q });
            expectRefusal(response, (status) => method === 'GET' && status === 200);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it('ANY /v1/*: random methods, paths and bodies', async () => {
    const path = fc.oneof(
      fc
        .constantFrom('/v1/properties', '/v1/locks', '/v1/reservations')
        .chain((p) => fc.array(segment, { maxLength: 3 }).map((rest) => [p, ...rest].join('/'))),
      fc.tuple(segment, segment).map(([p, l]) => `/v1/properties/${p}/locks/${l}`),
      segment.map((r) => `/v1/reservations/${r}/render-message`),
      fc.array(segment, { maxLength: 4 }).map((rest) => ['/v1', ...rest].join('/')),
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');
    const auth = fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false));
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        randomBody,
        auth,
        fc.string({ maxLength: 30 }),
        async (m, p, b, signedIn, q) => {
          const headers: Record<string, string> = signedIn ? { authorization: `Bearer ${token}` } : {};
          const response = await runtime.request({ method: m, path: p, headers, body: b, query: q });
          expectRefusal(response, (status) => m === 'GET' && status === 200);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  // Acknowledged (ignored) lock events keep their delivery record, as every answered delivery does.
  it('wrote nothing', async () => {
    expect(await tableSnapshot(runtime, { withDeliveries: false })).toBe(before);
  });
});
