import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The local stand-in for the Cognito JWT authorizer: HS256 tokens signed with a key made at start.

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export class LocalJwtIssuer {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  issue(sub: string, now: number, ttlSeconds = 30 * 24 * 3600): string {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const iat = Math.floor(now / 1000);
    const payload = b64url(JSON.stringify({ sub, iat, exp: iat + ttlSeconds, iss: 'lockstep-local' }));
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
  }

  /** The token's claims, or undefined when it is malformed, forged or expired. */
  verify(token: string, now: number): Record<string, unknown> | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const offered = Buffer.from(signature);
    if (expected.length !== offered.length || !timingSafeEqual(expected, offered)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      return typeof claims.exp === 'number' && claims.exp * 1000 > now ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
