// RFC 7636 (PKCE) for the authorization-code sign-in: a one-time secret (the verifier) stays in the
// tab; only its SHA-256 (the challenge) goes to the sign-in page, so an intercepted code is useless.
// Randomness and hashing come in as arguments: the browser passes `crypto`, tests a fixed source.

/** The part of Web Crypto used here: `crypto` in the browser and in Node. */
export type PkceCrypto = Pick<Crypto, 'getRandomValues'> & { subtle: Pick<SubtleCrypto, 'digest'> };

/** Base64 with the URL-safe alphabet and no padding (RFC 7636 §3, "BASE64URL-ENCODE"). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 URL-safe characters: within RFC 7636's 43–128 and its alphabet. */
export const newVerifier = (crypto: PkceCrypto): string =>
  base64Url(crypto.getRandomValues(new Uint8Array(32)));

/** The `state` that ties the answer to this tab's request (16 random bytes). */
export const newState = (crypto: PkceCrypto): string => base64Url(crypto.getRandomValues(new Uint8Array(16)));

/** S256: BASE64URL(SHA-256(ASCII(verifier))). */
export async function challengeOf(verifier: string, crypto: PkceCrypto): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
