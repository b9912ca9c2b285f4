import type { Instant } from '../model.ts';
import { signParts } from './signature.ts';

// Svix's form of the Standard Webhooks scheme, the one Seam delivers with: a `whsec_<base64>` secret
// whose decoded bytes are the HMAC key, and the three values under `svix-*` headers. Here, not in an
// adapter, because both Seam's webhook adapter and the sandbox that imitates Seam need it.

export type SvixHeaders = {
  'svix-id': string;
  'svix-timestamp': string;
  'svix-signature': string;
};

/** The HMAC key of a Svix secret; a malformed secret is a deployment error, so it throws. */
export function svixKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new Error('Seam webhook secret is not a whsec_<base64> key');
  }
  return key;
}

/** Signs as Svix does: the sandbox's deliveries, and a fake Seam's in tests. */
export function signSvixWebhook(secret: string, id: string, at: Instant, body: string): SvixHeaders {
  const parts = signParts(svixKey(secret), id, at, body);
  return { 'svix-id': parts.id, 'svix-timestamp': parts.timestamp, 'svix-signature': parts.signatures };
}
