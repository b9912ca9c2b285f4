import type { LockEvent } from '#core/locks/provider-events.ts';
import type { Instant } from '#core/model.ts';
import type { SignatureProblem } from '#core/webhooks/signature.ts';

/** Headers as a delivery brought them; names in any case. */
export type WebhookHeaders = Readonly<Record<string, string | undefined>>;

/**
 * A lock provider account's webhook deliveries (R4.2, R9.1): whether the account signed one, and the
 * event it reports, in the core's terms and with the provider's name.
 */
export interface LockWebhooks {
  /** The problem with a delivery's signature, or undefined when it is authentic and recent at `now`. */
  verify(headers: WebhookHeaders, body: string, now: Instant): SignatureProblem | undefined;
  /**
   * The event in a verified body, or undefined for an event type Lockstep does not follow (it is
   * acknowledged, so the sender stops retrying it); a malformed body throws a ValidationError.
   */
  parse(body: string): LockEvent | undefined;
}

/**
 * What a provider's deliveries look like, for the OpenAPI document (a partner integrates from it):
 * the body's JSON Schema, derived from the schema `parse` checks it with, and the names under which
 * the provider sends the Standard Webhooks headers.
 */
export interface LockWebhookFormat {
  bodySchema: Readonly<Record<string, unknown>>;
  headers: { id: string; timestamp: string; signature: string };
}
