import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Instant } from '../model.ts';

// Standard Webhooks signatures (the scheme Seam's Svix deliveries use), for every inbound sender:
// base64 HMAC-SHA256 over `${id}.${timestampSeconds}.${rawBody}`, sent as `v1,<signature>`.

export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

const sign = (secret: string, id: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64');

export function signWebhook(secret: string, id: string, at: Instant, body: string): SignedHeaders {
  const timestamp = String(Math.floor(at / 1000));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${sign(secret, id, timestamp, body)}`,
  };
}

export type SignatureProblem = 'missing_signature' | 'stale_timestamp' | 'bad_signature';

/**
 * Checks a delivery against every active secret (two during a rotation) in constant time.
 * Returns the problem, or undefined when the delivery is authentic and fresh.
 */
export function verifyWebhook(
  secrets: readonly string[],
  headers: Partial<Record<keyof SignedHeaders, string>>,
  body: string,
  now: Instant,
): SignatureProblem | undefined {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return 'missing_signature';
  const sentAt = Number(timestamp) * 1000;
  if (!/^\d+$/.test(timestamp) || Math.abs(now - sentAt) > SIGNATURE_TOLERANCE_MS) return 'stale_timestamp';
  const offered = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = Buffer.from(sign(secret, id, timestamp, body), 'base64');
    if (offered.some((o) => o.length === expected.length && timingSafeEqual(o, expected))) return undefined;
  }
  return 'bad_signature';
}
