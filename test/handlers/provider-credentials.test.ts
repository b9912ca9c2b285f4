import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ALARMED_METRICS } from '#config/metric-names.ts';
import { LockProviderError, ProviderCredentialsError } from '#core/errors.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { captureOutput } from '../support/capture-output.ts';

// A refused provider API key fails the run, and is counted for the operator's alarm; a lock refusing
// a code is not.

const context = {
  functionName: 'lockstep-test',
  functionVersion: '1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:lockstep-test',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

async function run(error: Error): Promise<{ thrown: unknown; lines: string[] }> {
  const handler = withLogging(async (_event: { entry: string }) => {
    throw error;
  });
  let thrown: unknown;
  const lines = await captureOutput(async () => {
    thrown = await handler({ entry: 'delete-h1-r1' }, context).catch((e: unknown) => e);
  });
  return { thrown, lines };
}

const countedMetrics = (lines: string[]) =>
  lines.flatMap((line) => {
    const parsed = line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {};
    return ALARMED_METRICS.providerCredentialsRejected in parsed
      ? [parsed[ALARMED_METRICS.providerCredentialsRejected]]
      : [];
  });

describe('a lock provider refusing the API key', () => {
  it('fails the run and is counted once for the alarm', async () => {
    const refused = new ProviderCredentialsError(
      'seam',
      401,
      'seam /devices/get: API key refused (HTTP 401)',
    );
    const { thrown, lines } = await run(refused);
    expect(thrown).toBe(refused);
    expect(countedMetrics(lines)).toEqual([1]);
  });

  it('is not counted when a lock refuses a code', async () => {
    const { lines } = await run(new LockProviderError('duplicate_code', 'seam: duplicate_access_code'));
    expect(countedMetrics(lines)).toEqual([]);
  });
});
