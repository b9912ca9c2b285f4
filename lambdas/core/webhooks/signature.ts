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

/** An HMAC key: a string secret is used as its UTF-8 bytes; Svix-style secrets arrive decoded. */
export type SigningKey = string | Uint8Array;

/** The three values a signed delivery carries, whatever its sender calls the headers. */
export interface SignatureParts {
  id: string | undefined;
  timestamp: string | undefined;
  signatures: string | undefined;
}
type SignedParts = { [K in keyof SignatureParts]: string };

const sign = (key: SigningKey, id: string, timestamp: string, body: string): string =>
  createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');

/** Signs a delivery at `at`; the caller names the headers. */
export function signParts(key: SigningKey, id: string, at: Instant, body: string): SignedParts {
  const timestamp = String(Math.floor(at / 1000));
  return { id, timestamp, signatures: `v1,${sign(key, id, timestamp, body)}` };
}

export function signWebhook(secret: string, id: string, at: Instant, body: string): SignedHeaders {
  const parts = signParts(secret, id, at, body);
  return {
    'webhook-id': parts.id,
    'webhook-timestamp': parts.timestamp,
    'webhook-signature': parts.signatures,
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
  return verifySignature(
    secrets,
    {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signatures: headers['webhook-signature'],
    },
    body,
    now,
  );
}

/** `verifyWebhook` for any sender of the scheme: the keys and the three values, however they arrived. */
export function verifySignature(
  keys: readonly SigningKey[],
  parts: SignatureParts,
  body: string,
  now: Instant,
): SignatureProblem | undefined {
  const { id, timestamp, signatures } = parts;
  if (!id || !timestamp || !signatures) return 'missing_signature';
  const sentAt = Number(timestamp) * 1000;
  if (!/^\d+$/.test(timestamp) || Math.abs(now - sentAt) > SIGNATURE_TOLERANCE_MS) return 'stale_timestamp';
  const offered = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  for (const key of keys) {
    const expected = Buffer.from(sign(key, id, timestamp, body), 'base64');
    if (offered.some((o) => o.length === expected.length && timingSafeEqual(o, expected))) return undefined;
  }
  return 'bad_signature';
}
