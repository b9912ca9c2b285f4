import type { LockWebhookFormat } from '#ports/lock-webhooks.ts';
import { toSchema } from './json-schema.ts';
import { AccessMethodPayloadSchema } from './schemas/access-method.ts';
import { ChannelEvent } from './schemas/channel-event.ts';

// The webhook side of the OpenAPI document, so a partner can integrate from it alone: the two signed
// routes Lockstep receives, and the `access_method.*` events it sends to hosts' endpoints (R6.5).
// Bodies come from the schemas that parse (or shape) them, never from a hand-written copy.

const SIGNED = 'Standard Webhooks: `v1,<base64 HMAC-SHA256>` of `<id>.<timestamp>.<raw body>`';

const header = (name: string, description: string) => ({
  name,
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description,
});

const signatureParameters = (names: LockWebhookFormat['headers']) => [
  header(names.id, 'The delivery id, the same on every retry; a redelivery gets the first answer (R9.1)'),
  header(names.timestamp, 'Seconds since the epoch when this attempt was signed; refused beyond 5 minutes'),
];

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const RECEIVED_ERRORS = {
  '400': error('Malformed body: `error.field` names the first invalid field; nothing is written (R9.2)'),
  '401': error('Signature missing, stale or wrong (`missing_signature`, `stale_timestamp`, `bad_signature`)'),
  '409': error('The same delivery id is still being processed: retry later'),
  '500': error('Internal error: only a correlation id; retry'),
};

export function webhookSecuritySchemes(lock: LockWebhookFormat) {
  return {
    channelSignature: {
      type: 'apiKey',
      in: 'header',
      name: 'webhook-signature',
      description: `${SIGNED}, keyed with a channel secret (two may be active during a rotation)`,
    },
    lockProviderSignature: {
      type: 'apiKey',
      in: 'header',
      name: lock.headers.signature,
      description: `${SIGNED}, keyed with the provider's \`whsec_\` secret (the webhook-* names are accepted too)`,
    },
    outboundSignature: {
      type: 'apiKey',
      in: 'header',
      name: 'webhook-signature',
      description: `${SIGNED}, keyed with the host's outbound secret: check it before trusting a delivery`,
    },
  };
}

export function webhookPaths(lock: LockWebhookFormat) {
  return {
    '/webhooks/channel': {
      post: {
        operationId: 'postChannelWebhook',
        summary: 'A channel partner’s reservation or message event (signed)',
        security: [{ channelSignature: [] }],
        parameters: signatureParameters({
          id: 'webhook-id',
          timestamp: 'webhook-timestamp',
          signature: 'webhook-signature',
        }),
        requestBody: { required: true, content: { 'application/json': { schema: toSchema(ChannelEvent) } } },
        responses: {
          '202': {
            description:
              'Admitted and queued: Lockstep acts on it shortly after (R9.5). A redelivery of the same ' +
              'delivery id gets the same answer and is acted on once (R9.1)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['deliveryId', 'queued'],
                  properties: { deliveryId: { type: 'string' }, queued: { const: true } },
                },
              },
            },
          },
          '404': error('The host has no such property (`reservation.property_id`)'),
          ...RECEIVED_ERRORS,
        },
      },
    },
    '/webhooks/locks': {
      post: {
        operationId: 'postLockWebhook',
        summary: 'The lock provider confirms or reports a change (R4.2), signed',
        security: [{ lockProviderSignature: [] }],
        parameters: signatureParameters(lock.headers),
        requestBody: { required: true, content: { 'application/json': { schema: lock.bodySchema } } },
        responses: {
          '200': {
            description: '`{outcome: "recorded" | "ignored"}`: unfollowed event types are acknowledged',
          },
          ...RECEIVED_ERRORS,
        },
      },
    },
  };
}

/** OpenAPI 3.1 `webhooks`: what Lockstep POSTs to a property's `outboundWebhookUrl` (R6.5). */
export function outboundWebhooks() {
  const delivery = (type: string, summary: string) => ({
    post: {
      operationId: type.replace(/[._](\w)/g, (_, c: string) => c.toUpperCase()),
      summary,
      security: [{ outboundSignature: [] }],
      parameters: signatureParameters({
        id: 'webhook-id',
        timestamp: 'webhook-timestamp',
        signature: 'webhook-signature',
      }),
      requestBody: {
        required: true,
        content: { 'application/json': { schema: toSchema(AccessMethodPayloadSchema) } },
      },
      responses: {
        '2XX': { description: 'Received; any 2xx ends the delivery' },
        '4XX': { description: 'Refused for good (408, 425 and 429 are retried)' },
        '5XX': {
          description: 'Retried up to 4 times with full-jitter backoff, the same `webhook-id` each time',
        },
      },
    },
  });
  return {
    'access_method.issued': delivery('access_method.issued', 'The guest’s code, chosen at acceptance'),
    'access_method.reissued': delivery(
      'access_method.reissued',
      'A replacement: a backup code (`is_backup_code: true`) or the own code back',
    ),
  };
}
