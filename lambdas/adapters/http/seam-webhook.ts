import * as z from 'zod';
import { type LockFailureReason, ValidationError } from '#core/errors.ts';
import type { LockEvent, LockEventType } from '#core/locks/provider-events.ts';
import type { Instant, LockProviderName } from '#core/model.ts';
import { type SignatureProblem, verifySignature } from '#core/webhooks/signature.ts';
import { svixKey } from '#core/webhooks/svix.ts';
import type { LockWebhookFormat, LockWebhooks, WebhookHeaders } from '#ports/lock-webhooks.ts';
import { failureOf } from './seam-shapes.ts';

// Seam delivers webhooks through Svix (core/webhooks/svix.ts). Bodies can carry the PIN (`code`):
// they are parsed here and the PIN dropped, never logged.

/** Header names arrive in any case; newer Svix senders also use the Standard Webhooks names. */
function header(headers: WebhookHeaders, ...names: string[]): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && names.includes(name.toLowerCase())) return value;
  }
  return undefined;
}

/**
 * Checks a Seam delivery against every active secret (two during a rotation, R9.1). Returns the
 * problem, or undefined when it is authentic and within five minutes of `now`.
 */
export function verifySeamWebhook(
  secrets: readonly string[],
  headers: WebhookHeaders,
  body: string,
  now: Instant,
): SignatureProblem | undefined {
  const parts = {
    id: header(headers, 'svix-id', 'webhook-id'),
    timestamp: header(headers, 'svix-timestamp', 'webhook-timestamp'),
    signatures: header(headers, 'svix-signature', 'webhook-signature'),
  };
  return verifySignature(secrets.map(svixKey), parts, body, now);
}

/**
 * Seam's events Lockstep follows, by the core's name. A natively scheduled code is preloaded on the
 * lock and stays `unset` until its window opens: being on the lock is what R4.2 asks, so
 * `scheduled_on_device` confirms it (the later `set_on_device` then changes nothing).
 */
const FOLLOWED: Readonly<Record<string, LockEventType>> = {
  'access_code.set_on_device': 'access_code.set_on_device',
  'access_code.scheduled_on_device': 'access_code.set_on_device',
  'access_code.failed_to_set_on_device': 'access_code.failed_to_set_on_device',
  'access_code.removed_from_device': 'access_code.removed_from_device',
  // A PIN left on the lock after checkout, or gone from it before the stay: neither may pass unnoticed.
  'access_code.failed_to_remove_from_device': 'access_code.failed_to_remove_from_device',
  'access_code.deleted_external_to_seam': 'access_code.deleted_externally',
  'device.connected': 'device.connected',
  'device.disconnected': 'device.disconnected',
};

const SeamEvent = z
  .object({
    event_id: z.string().min(1),
    event_type: z
      .string()
      .min(1)
      .meta({
        description: `Lockstep follows ${Object.keys(FOLLOWED).join(', ')}; other types are acknowledged with 200 and ignored`,
      }),
    device_id: z.string().min(1),
    access_code_id: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Required by the access_code.* events' }),
    occurred_at: z.iso.datetime({ offset: true }),
    access_code_errors: z.unknown().optional(),
  })
  .meta({ title: 'Seam event', description: 'A Seam webhook event, as Seam delivers it through Svix' });

/**
 * Seam's deliveries for the OpenAPI document: the body as SeamEvent parses it, Svix's header names.
 * A function, so the lock webhook's cold start does not pay for a document it never serves.
 */
export const seamWebhookFormat = (): LockWebhookFormat => ({
  bodySchema: jsonSchemaOf(SeamEvent),
  headers: { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' },
});

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

/** A Seam event as the core's LockEvent, plus Seam's reason when a code failed to set. */
export interface SeamLockEvent extends LockEvent {
  eventId: string;
  failureReason?: LockFailureReason | undefined;
}

/**
 * The event in a verified body, or undefined for the many Seam event types Lockstep does not
 * follow (they are acknowledged, so Svix stops retrying them). A malformed body is a 400.
 */
export function parseSeamEvent(body: string): SeamLockEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ValidationError('body', 'not JSON');
  }
  const type = json && typeof json === 'object' && 'event_type' in json ? json.event_type : undefined;
  if (typeof type !== 'string') throw new ValidationError('event_type', 'missing');
  const followed = FOLLOWED[type];
  if (!followed) return undefined;
  const parsed = SeamEvent.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new ValidationError(field, 'missing or malformed in a Seam event');
  }
  const e = parsed.data;
  const isCodeEvent = followed.startsWith('access_code.');
  if (isCodeEvent && !e.access_code_id) throw new ValidationError('access_code_id', 'missing');
  const event: SeamLockEvent = {
    provider: 'seam',
    type: followed,
    deviceId: e.device_id,
    occurredAt: Date.parse(e.occurred_at),
    eventId: e.event_id,
  };
  if (isCodeEvent) event.accessCodeId = e.access_code_id;
  if (followed === 'access_code.failed_to_set_on_device') {
    event.failureReason = failureOf(e.access_code_errors) ?? 'failed_to_set';
  }
  return event;
}

/**
 * The LockWebhooks of one Seam account: its active secrets, and the provider its events are about
 * (`sandbox` for the local sandbox, which delivers as Seam does).
 */
export class SeamWebhooks implements LockWebhooks {
  private readonly secrets: readonly string[];
  private readonly provider: LockProviderName;

  constructor(secrets: readonly string[], provider: LockProviderName) {
    this.secrets = secrets;
    this.provider = provider;
  }

  verify(headers: WebhookHeaders, body: string, now: Instant): SignatureProblem | undefined {
    return verifySeamWebhook(this.secrets, headers, body, now);
  }

  parse(body: string): SeamLockEvent | undefined {
    const event = parseSeamEvent(body);
    return event && { ...event, provider: this.provider };
  }
}
