import type { Instant } from '#core/model.ts';

// How long a webhook delivery record (R9.1) holds, shared by the DynamoDB and in-memory records so
// a redelivery is claimed, replayed or refused at the same instants on both.

const DAY = 86_400_000;
/** Longer than any sender retries one delivery (Svix: about 3 days). Then DynamoDB's TTL removes it. */
export const DELIVERY_RECORD_DAYS = 7;
/**
 * A claim older than any webhook run belonged to one that died (R9.5): API Gateway gives up on its
 * function after 30 s (the webhook functions time out at 15 s), so the next delivery takes it over.
 */
export const STALE_CLAIM_MS = 30_000;

/** Epoch seconds, the unit of DynamoDB's TTL attribute: expiry is compared in whole seconds. */
export const epochSeconds = (at: Instant) => Math.floor(at / 1000);

/** When a record written at `now` expires, in epoch seconds. */
export const recordExpiry = (now: Instant) => epochSeconds(now + DELIVERY_RECORD_DAYS * DAY);
