import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MissingSecretValueError } from '#adapters/aws/secret-values.ts';
import { ENV } from '#config/env.ts';
import type { Config } from '#config/load.ts';
import type { HttpRequest } from '#handlers/http/http.ts';
import { toApiGatewayEvent } from '#local/api-gateway-event.ts';
import { awsDeps } from '../../lambdas/functions/aws-deps.ts';
import { routeOnSecret } from '../../lambdas/functions/route-on-secret.ts';

// Finding 4 of issue 19: the template leaves every integration secret holding a random placeholder.
// Functions must start anyway, serve what needs no secret, and fail a call that needs one with the
// secret's name and key; a value set later is used without a redeploy.

const PLACEHOLDER = 'q9&Wm2!Zr7#Lp4vT0xK8sYb3Nc6Jd1Fh';
const arnOf = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:LockstepData-${name}-Ab12Cd`;
const config = Object.fromEntries(
  Object.entries(ENV).map(([key, name]) => [
    key,
    name.endsWith('SECRET_ARN') ? arnOf(key.replace(/SecretArn$/, '')) : `test-${key}`,
  ]),
) as Config;
const context = { functionName: 'test', awsRequestId: 'req-1' } as Context;

function event(method: string, path: string, routeKey: string, body = ''): HttpRequest {
  return toApiGatewayEvent(
    { method, path, headers: {}, body, requestId: 'req-1', now: Date.now() },
    routeKey,
  );
}

describe('integration secrets are read on first need', () => {
  const secretsManager = mockClient(SecretsManagerClient);
  beforeEach(() => {
    secretsManager.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: PLACEHOLDER });
    for (const [key, name] of Object.entries(config)) vi.stubEnv(ENV[key as keyof Config], name);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => secretsManager.restore());

  it('the host API starts and serves /openapi.json with no secret set, reading none', async () => {
    const { handler } = await import('../../lambdas/functions/host-api.ts');
    const reply = await handler(event('GET', '/openapi.json', 'GET /openapi.json'), context);
    expect(reply.statusCode).toBe(200);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it("a call that needs Seam fails naming Seam's secret and its key", async () => {
    const deps = awsDeps(config);
    const error = await deps
      .lockProvider('seam')
      .getDevice('device-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingSecretValueError);
    expect((error as Error).message).toMatch(/secret LockstepData-seamApi has no usable "apiKey"/);
    expect(secretsManager.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({
      SecretId: config.seamApiSecretArn,
    });
  });

  it('the channel webhook starts with its secret unset, refuses deliveries, and takes the secret once set', async () => {
    const { handler } = await import('../../lambdas/functions/channel-webhook.ts');
    const delivery = () =>
      handler(event('POST', '/webhooks/channel', 'POST /webhooks/channel', '{}'), context);
    expect((await delivery()).statusCode).toBe(500);
    secretsManager
      .on(GetSecretValueCommand, { SecretId: config.channelSecretArn })
      .resolves({ SecretString: JSON.stringify({ signingSecrets: ['channel-secret'] }) });
    // Now the secret is there: an unsigned delivery is refused for its signature (R9.1).
    expect((await delivery()).statusCode).toBe(401);
  });
});

describe('routeOnSecret', () => {
  const unset = new MissingSecretValueError('lockstep-channel', 'signingSecrets', '{}');
  const ok = async () => ({ statusCode: 204 });

  it('reads the secret at cold start and not again', async () => {
    let reads = 0;
    const route = await routeOnSecret(
      async () => ++reads,
      () => ok,
    );
    await route(event('POST', '/x', 'POST /x'));
    await route(event('POST', '/x', 'POST /x'));
    expect(reads).toBe(1);
  });

  it('starts without the secret and fails each request with its error until it can be read', async () => {
    let set = false;
    const route = await routeOnSecret(
      async () => {
        if (!set) throw unset;
        return 'secret';
      },
      () => ok,
    );
    await expect(route(event('POST', '/x', 'POST /x'))).rejects.toBe(unset);
    set = true;
    expect(await route(event('POST', '/x', 'POST /x'))).toEqual({ statusCode: 204 });
  });
});
