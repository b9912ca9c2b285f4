import type * as z from 'zod';
import type { LockWebhookFormat } from '#ports/lock-webhooks.ts';
import { toSchema } from './json-schema.ts';
import { outboundWebhooks, webhookPaths, webhookSecuritySchemes } from './openapi-webhooks.ts';
import type { RouteEntry } from './route.ts';

// The OpenAPI 3.1 document of the host API, generated from the route table and the very zod
// schemas that validate each request (route.ts), so the document cannot drift from the code; and of
// the webhooks, received and sent (openapi-webhooks.ts).

export const OPENAPI_PATH = '/openapi.json';

const ERROR = {
  description: 'The error: `{error: {code, message, field?}, correlationId}`',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined, pattern: string) {
  const names = where === 'path' ? [...pattern.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '') : [];
  const json = schema ? toSchema(schema) : { properties: {}, required: [] };
  const properties = json.properties ?? {};
  const required = new Set(json.required ?? []);
  const all = where === 'path' ? names : Object.keys(properties);
  return all.map((name) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: properties[name] ?? { type: 'string' },
  }));
}

function operation([method, pattern, , doc]: RouteEntry) {
  const success = String(doc?.status ?? 200);
  return {
    operationId: `${method.toLowerCase()}${pattern.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: doc?.summary ?? `${method} ${pattern}`,
    parameters: [...parameters('path', doc?.params, pattern), ...parameters('query', doc?.query, pattern)],
    ...(doc?.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(doc.body) } } } }
      : {}),
    responses: {
      [success]: { description: 'Success', content: { 'application/json': { schema: {} } } },
      '400': { ...ERROR, description: 'Invalid request: `error.field` names the first invalid field (R9.2)' },
      '401': { description: 'Missing or invalid bearer token (answered by the JWT authorizer)' },
      '404': { ...ERROR, description: 'Not found — also another host’s resource (R9.3)' },
      '409': { ...ERROR, description: 'Conflicts with the current state' },
      '500': { ...ERROR, description: 'Internal error: only a correlation id' },
    },
  };
}

/** `lockWebhook`: the deployment's lock provider's delivery format (its composition root knows it). */
export function openApiDocument(routes: readonly RouteEntry[], lockWebhook: LockWebhookFormat) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of routes) {
    const [method, pattern] = entry;
    paths[pattern] = { ...paths[pattern], [method.toLowerCase()]: operation(entry) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lockstep host API and webhooks',
      version: '1',
      description: 'Keeps smart-lock access codes in step with reservations. See docs/host-api.md.',
    },
    security: [{ bearer: [] }],
    paths: { ...paths, ...webhookPaths(lockWebhook) },
    webhooks: outboundWebhooks(),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        ...webhookSecuritySchemes(lockWebhook),
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'correlationId'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
              },
            },
            correlationId: { type: 'string' },
          },
        },
      },
    },
  };
}
