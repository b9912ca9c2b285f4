import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { secureRandom } from '#adapters/common/secure-random.ts';
import { ENV } from '#config/env.ts';
import type { Config } from '#config/load.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { awsDeps } from '../../lambdas/functions/aws-deps.ts';

// R9.4: every PIN that can reach a real lock comes from a cryptographic source. The core draws PINs
// from `deps.random`, so the wiring is what decides; these fail if a composition root passes
// Math.random or any other generator.

const config = Object.fromEntries(
  Object.keys(ENV).map((key) => [key, `arn:aws:test:us-east-1:123456789012:${key}`]),
) as Config;

describe('R9.4 the random source PINs are drawn from', () => {
  const secrets = mockClient(SecretsManagerClient);
  afterAll(() => secrets.restore());

  it('is the cryptographic one in the Lambda functions', async () => {
    secrets.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ seamApiKey: 'k', channel: ['whsec_c'], lockProvider: ['whsec_l'] }),
    });
    const deps = await awsDeps(config);
    expect(deps.random).toBe(secureRandom);
  });

  it('is the cryptographic one in npm start, unless a seeded one is given', async () => {
    const runtime = await LocalRuntime.start({ store: 'memory' });
    const seeded = () => 0.5;
    const simulated = await LocalRuntime.start({ store: 'memory', random: seeded });
    expect(runtime.deps.random).toBe(secureRandom);
    expect(simulated.deps.random).toBe(seeded);
    await Promise.all([runtime.stop(), simulated.stop()]);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const draws = Array.from({ length: 10_000 }, () => secureRandom());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    // Each tenth of the range holds about a tenth of the draws (a stuck or biased source would not).
    const tenths = Array.from({ length: 10 }, (_, i) => draws.filter((x) => Math.floor(x * 10) === i).length);
    for (const count of tenths) expect(count).toBeGreaterThan(800);
  });
});
