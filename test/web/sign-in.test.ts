import { describe, expect, it } from 'vitest';
import { parseDashboardConfig } from '../../web/src/auth/config.ts';
import { authorizeUrl, logoutUrl, readRedirect, tokenRequest } from '../../web/src/auth/hosted-ui.ts';
import { base64Url, challengeOf, newState, newVerifier, type PkceCrypto } from '../../web/src/auth/pkce.ts';

// R13.1 on AWS: the dashboard signs in with Cognito's hosted UI, authorization code + PKCE (RFC 7636).

const AUTH = {
  kind: 'cognito',
  domain: 'https://lockstep-hosts.auth.eu-west-1.amazoncognito.com',
  clientId: 'client123',
  redirectUri: 'https://d111.cloudfront.net/',
  logoutUri: 'https://d111.cloudfront.net/',
} as const;

/** Web Crypto with a fixed random source: each call fills with `fill`. */
const fixedRandom = (fill: number): PkceCrypto => ({
  getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
    if (array) new Uint8Array(array.buffer).fill(fill);
    return array;
  },
  subtle: crypto.subtle,
});

describe('R13.1 PKCE verifier and challenge', () => {
  it('derives the S256 challenge of RFC 7636’s worked example', async () => {
    const challenge = await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', crypto);
    expect(challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('draws a 43-character URL-safe verifier from 32 random bytes', () => {
    const verifier = newVerifier(fixedRandom(0xfb));
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifier).toBe(base64Url(new Uint8Array(32).fill(0xfb)));
    expect(newVerifier(fixedRandom(1))).not.toBe(verifier);
  });

  it('draws verifiers and states from the random source it is given, never twice alike', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => newVerifier(crypto)));
    const states = new Set(Array.from({ length: 50 }, () => newState(crypto)));
    expect([verifiers.size, states.size]).toEqual([50, 50]);
  });

  it('encodes base64url without padding or + and /', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });
});

describe('R13.1 the hosted UI’s addresses', () => {
  it('asks for an authorization code bound to the challenge and state', () => {
    const url = new URL(authorizeUrl(AUTH, 'state-1', 'challenge-1'));
    expect(`${url.origin}${url.pathname}`).toBe(`${AUTH.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://d111.cloudfront.net/',
      scope: 'openid email',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code at /oauth2/token with the verifier and no client secret', () => {
    const { url, body } = tokenRequest(AUTH, 'code-1', 'verifier-1');
    expect(url).toBe(`${AUTH.domain}/oauth2/token`);
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'code-1',
      redirect_uri: 'https://d111.cloudfront.net/',
      code_verifier: 'verifier-1',
    });
  });

  it('signs out at /logout and comes back to the page', () => {
    const url = new URL(logoutUrl(AUTH));
    expect(`${url.origin}${url.pathname}`).toBe(`${AUTH.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client123',
      logout_uri: 'https://d111.cloudfront.net/',
    });
  });
});

describe('R13.1 reading the hosted UI’s redirect', () => {
  it('takes the code when the state is the one this tab sent', () => {
    expect(readRedirect('?code=abc&state=s1', 's1')).toEqual({ kind: 'code', code: 'abc' });
  });

  it('refuses an answer whose state does not match, or when this tab sent none', () => {
    expect(readRedirect('?code=abc&state=forged', 's1').kind).toBe('refused');
    expect(readRedirect('?code=abc&state=s1', undefined).kind).toBe('refused');
    expect(readRedirect('?code=abc', 's1').kind).toBe('refused');
  });

  it('reports the hosted UI’s error in words', () => {
    expect(readRedirect('?error=access_denied&error_description=User+cancelled&state=s1', 's1')).toEqual({
      kind: 'refused',
      reason: 'Sign-in failed: User cancelled.',
    });
  });

  it('finds nothing to do on an ordinary load', () => {
    expect(readRedirect('', 's1')).toEqual({ kind: 'none' });
    expect(readRedirect('?utm=x', undefined)).toEqual({ kind: 'none' });
  });
});

describe('config.json', () => {
  it('reads the local demo variant', () => {
    expect(parseDashboardConfig({ apiBaseUrl: '', auth: { kind: 'demo' } })).toEqual({
      apiBaseUrl: '',
      auth: { kind: 'demo' },
    });
  });

  it('reads the Cognito variant, trimming a trailing slash from the domain', () => {
    const config = parseDashboardConfig({ apiBaseUrl: '', auth: { ...AUTH, domain: `${AUTH.domain}/` } });
    expect(config.auth).toEqual(AUTH);
  });

  it('names the first wrong field', () => {
    expect(() => parseDashboardConfig({ auth: { kind: 'cognito', domain: AUTH.domain } })).toThrow(
      'auth.clientId',
    );
    expect(() =>
      parseDashboardConfig({ auth: { ...AUTH, domain: 'http://lockstep.auth.example.com' } }),
    ).toThrow('auth.domain must be an https URL');
    expect(() => parseDashboardConfig({ auth: { kind: 'password' } })).toThrow('auth.kind');
  });
});
