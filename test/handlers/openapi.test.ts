import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#handlers/http/host-api.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { HTTP_ROUTES } from '../../lambdas/functions/catalog.ts';
import { hostApiClient } from '../support/host-api-client.ts';

// GET /openapi.json: the host API's OpenAPI 3.1 document, generated from the route table and its
// request schemas. CI fails when the document and the routes the router answers drift apart.

interface Operation {
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the OpenAPI document', () => {
  let runtime: LocalRuntime;
  let call: ReturnType<typeof hostApiClient>;
  let doc: Document;

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    call = hostApiClient(runtime);
    const reply = await call(undefined, 'GET', '/openapi.json');
    expect(reply.status).toBe(200);
    doc = reply.body;
  });
  afterAll(() => runtime.stop());

  const documented = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );

  it('is served without a token, as OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents exactly the routes in the route table, and the catalog’s signed webhook routes', () => {
    const webhooks = HTTP_ROUTES.filter((r) => r.auth === 'signed-webhook').map(
      (r) => `${r.method} ${r.path}`,
    );
    expect(webhooks).toHaveLength(2);
    expect(documented().sort()).toEqual(
      [...ROUTES.map(([method, path]) => `${method} ${path}`), ...webhooks].sort(),
    );
  });

  it('documents only routes the router answers: none answers “route not found” (drift check)', async () => {
    for (const route of documented()) {
      const [method = '', pattern = ''] = route.split(' ');
      const reply = await call('host-doc', method, pattern.replace(/\{\w+\}/g, 'some-id'), {});
      expect(reply.body?.error?.message, route).not.toBe('route not found');
    }
    const unknown = await call('host-doc', 'GET', '/v1/not-a-route');
    expect(unknown.body.error.message).toBe('route not found');
  });

  it('takes each request body from the schema that validates it (R9.2)', () => {
    const patch = doc.paths['/v1/properties/{propertyId}']?.patch;
    const fields = Object.keys(patch?.requestBody?.content['application/json'].schema.properties ?? {});
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'timeZone',
        'bufferBeforeMinutes',
        'bufferAfterMinutes',
        'backupCodes',
      ]),
    );
    const list = doc.paths['/v1/reservations']?.get;
    expect(list?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'propertyId', in: 'query', required: true }),
        expect.objectContaining({ name: 'cursor', in: 'query', required: false }),
      ]),
    );
  });

  it('declares every path parameter of every route', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(names);
      }
    }
  });
});
