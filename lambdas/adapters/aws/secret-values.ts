import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SECRETS, type SecretName } from '#config/secrets.ts';

// The integration secrets (lambdas/config/secrets.ts), each read on its first need and kept for the
// life of the instance. A function that never needs a secret starts and serves without it, and one
// whose secret is unset fails with the secret's name and key at the call that needed it, never at
// cold start (docs/decisions.md, "One secret per credential").

/** A secret holds no usable value under its key: unset, not JSON, or the wrong shape. */
export class MissingSecretValueError extends Error {
  readonly secret: string;
  readonly key: string;
  constructor(secret: string, key: string, shape: string) {
    // Never the value itself: a half-pasted key is still a key.
    super(`secret ${secret} has no usable "${key}": set its value to ${shape} (docs/operations.md)`);
    this.name = 'MissingSecretValueError';
    this.secret = secret;
    this.key = key;
  }
}

/** The secret's name as the console lists it: the ARN's last part, without Secrets Manager's suffix. */
export function secretLabel(arn: string): string {
  const name = arn.split(':secret:')[1] ?? arn;
  return name.replace(/-[A-Za-z0-9]{6}$/, '');
}

const nonEmptyText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export class SecretValues {
  private readonly arns: Readonly<Record<SecretName, string>>;
  private readonly client: () => Promise<SecretsManagerClient>;
  private readonly valid = new Map<SecretName, unknown>();

  /** `client` builds the Secrets Manager client on the first read, so a function that reads none never loads it. */
  constructor(arns: Readonly<Record<SecretName, string>>, client: () => Promise<SecretsManagerClient>) {
    this.arns = arns;
    this.client = client;
  }

  /** A secret whose key holds one string (`apiKey`, `signingSecret`). */
  async text(name: SecretName): Promise<string> {
    return this.read(name, nonEmptyText) as Promise<string>;
  }

  /** A secret whose key holds a list of strings, current first (`signingSecrets` during a rotation). */
  async list(name: SecretName): Promise<string[]> {
    return this.read(
      name,
      (value) => Array.isArray(value) && value.length > 0 && value.every(nonEmptyText),
    ) as Promise<string[]>;
  }

  private async read(name: SecretName, usable: (value: unknown) => boolean): Promise<unknown> {
    if (this.valid.has(name)) return this.valid.get(name);
    const { key, shape } = SECRETS[name];
    const arn = this.arns[name];
    const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const reply = await (await this.client()).send(new GetSecretValueCommand({ SecretId: arn }));
    const value = parsedKey(reply.SecretString, key);
    // An unusable value is read again next time, so an operator's fix takes effect without a redeploy.
    if (!usable(value)) throw new MissingSecretValueError(secretLabel(arn), key, shape);
    this.valid.set(name, value);
    return value;
  }
}

function parsedKey(secretString: string | undefined, key: string): unknown {
  try {
    const parsed = JSON.parse(secretString ?? '') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}
