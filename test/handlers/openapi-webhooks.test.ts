import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundWebhookHttp } from '#adapters/http/outbound-webhook-http.ts';
import { seamWebhookFormat } from '#adapters/http/seam-webhook.ts';
import { emitAccessMethod } from '#core/webhooks/emit-access-method.ts';
import { verifyWebhook } from '#core/webhooks/signature.ts';
import { toSchema } from '#handlers/http/json-schema.ts';
import { ChannelEvent } from '#handlers/http/schemas/channel-event.ts';
import type { LocalHttpRequest } from '#local/local-api-gateway.ts';
import { CONFIRMATION, HOST, LockWorld } from '../core/lock-world.ts';

// The OpenAPI 3.1 document covers the webhooks (R6.5, R9.1): the two signed routes Lockstep receives
// and the access_method.* events it sends. Real deliveries are validated against what it documents,
// so a partner integrating from the document alone would be understood.

const START = Date.parse('2027-01-04T12:00:00Z');
const OUTBOUND_SECRET = 'whsec_test_outbound';

// biome-ignore lint/suspicious/noExplicitAny: the document is JSON walked by the assertions
type Json = any;
interface Delivery {
  headers: Record<string, string>;
  body: string;
}

describe('the OpenAPI document’s webhooks', () => {
  let world: LockWorld;
  let doc: Json;
  const received: Record<string, Delivery[]> = { '/webhooks/channel': [], '/webhooks/locks': [] };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);

  beforeAll(async () => {
    world = await LockWorld.start(START);
    // Every delivery the runtime receives on a webhook route, as its sender made it.
    const request = world.runtime.request.bind(world.runtime);
    world.runtime.request = (r: LocalHttpRequest) => {
      received[r.path]?.push({ headers: r.headers ?? {}, body: r.body ?? '' });
      return request(r);
    };
    await world.property('villa', { backupCodes: true, outboundWebhookUrl: 'https://host.example/hooks' });
    await world.lock('front');
    await world.match('villa', 'front');
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-06T10:00');
    await world.runUntil(START + CONFIRMATION);
    doc = (await world.api('GET', '/openapi.json')).body;
  });
  afterAll(() => world.stop());

  const requestSchema = (op: Json) => op.requestBody.content['application/json'].schema;
  const headerNames = (op: Json) => [
    ...op.parameters.filter((p: Json) => p.in === 'header').map((p: Json) => p.name),
    ...op.security.flatMap((s: Json) => Object.keys(s).map((k) => doc.components.securitySchemes[k].name)),
  ];
  const conforms = (schema: Json, body: string) => {
    const check = ajv.compile(schema);
    return check(JSON.parse(body)) ? [] : check.errors;
  };

  it('validates as OpenAPI 3.1', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents each inbound route with the schema its handler validates with (R9.2)', () => {
    expect(requestSchema(doc.paths['/webhooks/channel'].post)).toEqual(toSchema(ChannelEvent));
    expect(requestSchema(doc.paths['/webhooks/locks'].post)).toEqual(seamWebhookFormat().bodySchema);
  });

  it('R9.1 a real channel delivery matches the documented body and signature headers', () => {
    const op = doc.paths['/webhooks/channel'].post;
    const deliveries = received['/webhooks/channel'] ?? [];
    expect(deliveries).toHaveLength(1);
    for (const d of deliveries) {
      expect(conforms(requestSchema(op), d.body)).toEqual([]);
      expect(Object.keys(d.headers)).toEqual(expect.arrayContaining(headerNames(op)));
    }
    expect(op.security).toEqual([{ channelSignature: [] }]);
  });

  it('R9.5 documents the channel answer as 202 once queued, with the body the route sends', async () => {
    const responses = doc.paths['/webhooks/channel'].post.responses;
    expect(Object.keys(responses).filter((status) => status.startsWith('2'))).toEqual(['202']);
    const schema = responses['202'].content['application/json'].schema;
    expect(conforms(schema, JSON.stringify({ deliveryId: 'evt-1', queued: true }))).toEqual([]);
    expect(conforms(schema, JSON.stringify({ reservationId: 'r1' }))).not.toEqual([]);
  });

  it('the documented channel schema refuses what the handler refuses: a channel it does not know', () => {
    const body = JSON.parse(received['/webhooks/channel']?.[0]?.body ?? '{}');
    body.reservation.channel = 'carrier-pigeon';
    const schema = requestSchema(doc.paths['/webhooks/channel'].post);
    expect(conforms(schema, JSON.stringify(body))).not.toEqual([]);
  });

  it('R4.2 R9.1 real lock-provider deliveries match the documented body and Svix signature headers', () => {
    const op = doc.paths['/webhooks/locks'].post;
    const deliveries = received['/webhooks/locks'] ?? [];
    expect(deliveries.length).toBeGreaterThan(0); // the pool codes' confirmations
    for (const d of deliveries) {
      expect(conforms(requestSchema(op), d.body)).toEqual([]);
      expect(Object.keys(d.headers)).toEqual(expect.arrayContaining(headerNames(op)));
    }
    expect(headerNames(op).sort()).toEqual(['svix-id', 'svix-signature', 'svix-timestamp']);
  });

  it('R6.5 a delivery of the outbound adapter matches the documented access_method event and verifies by its scheme', async () => {
    const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
    const outboundWebhooks = new OutboundWebhookHttp({
      signingSecret: OUTBOUND_SECRET,
      fetch: async (url, init) => {
        sent.push({
          url: String(url),
          headers: init?.headers as Record<string, string>,
          body: String(init?.body),
        });
        return new Response(null, { status: 204 });
      },
    });
    const r = await world.reservation('r1');
    await emitAccessMethod({ ...world.runtime.deps, outboundWebhooks }, r, 'access_method.issued');
    expect(sent).toHaveLength(1);

    const [delivery] = sent;
    const op = doc.webhooks['access_method.issued'].post;
    expect(conforms(requestSchema(op), delivery?.body ?? '')).toEqual([]);
    expect(JSON.parse(delivery?.body ?? '')).toMatchObject({
      code: r.code.pin,
      is_backup_code: false,
      host_id: HOST,
    });
    const names = headerNames(op);
    expect(names.sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    const headers = Object.fromEntries(names.map((n) => [n, delivery?.headers[n]]));
    expect(verifyWebhook([OUTBOUND_SECRET], headers, delivery?.body ?? '', Date.now())).toBeUndefined();
  });

  it('R6.5 documents both access_method events, and the schema refuses a payload with a field it does not list', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual(['access_method.issued', 'access_method.reissued']);
    const schema = requestSchema(doc.webhooks['access_method.reissued'].post);
    const sample = world.runtime.webhooks.deliveries[0]?.body ?? '{}';
    expect(conforms(schema, sample)).toEqual([]);
    expect(conforms(schema, JSON.stringify({ ...JSON.parse(sample), pin_hint: '12' }))).not.toEqual([]);
  });
});
