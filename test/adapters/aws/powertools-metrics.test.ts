import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsMetricsAdapter } from '#adapters/aws/powertools-metrics.ts';
import { metrics as sharedMetrics } from '#handlers/metrics.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { localContext } from '#local/api-gateway-event.ts';

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

/** The EMF documents written to stdout while `run` runs. */
async function emitted(run: () => Promise<void>): Promise<Emf[]> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Emf);
}

afterEach(() => vi.restoreAllMocks());

describe('PowertoolsMetricsAdapter', () => {
  it('writes counts as EMF in the Lockstep namespace', async () => {
    const metrics = new Metrics({ namespace: 'Lockstep', serviceName: 'lockstep' });
    const adapter = new PowertoolsMetricsAdapter(metrics);

    const [doc, ...rest] = await emitted(async () => {
      adapter.count('CodesSet');
      adapter.count('RetriesPlanned', 2);
      metrics.publishStoredMetrics();
    });

    expect(rest).toEqual([]);
    expect(doc?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Lockstep');
    expect(doc).toMatchObject({ CodesSet: 1, RetriesPlanned: 2, service: 'lockstep' });
  });

  it('writes a count with a channel as its own metric, the channel a dimension', async () => {
    const adapter = new PowertoolsMetricsAdapter(
      new Metrics({ namespace: 'Lockstep', serviceName: 'lockstep' }),
    );

    const [doc] = await emitted(async () => adapter.count('MessagesSent', 1, { channel: 'sms' }));

    expect(doc).toMatchObject({ MessagesSent: 1, channel: 'sms' });
    expect(doc?._aws.CloudWatchMetrics[0]?.Dimensions[0]).toContain('channel');
  });
});

describe('alarmed counts carry exactly the dimensions their alarms name', () => {
  it('writes a refused webhook signature with service and sender, as the wrong-secret alarm reads it', async () => {
    const adapter = new PowertoolsMetricsAdapter(
      new Metrics({ namespace: 'Lockstep', serviceName: 'lockstep' }),
    );

    const [doc] = await emitted(async () =>
      adapter.count('WebhookSignaturesRefused', 1, { sender: 'locks' }),
    );

    expect(doc).toMatchObject({ WebhookSignaturesRefused: 1, service: 'lockstep', sender: 'locks' });
    expect(doc?._aws.CloudWatchMetrics[0]?.Dimensions[0]?.sort()).toEqual(['sender', 'service']);
  });
});

describe('the handler wrappers flush metrics per invocation', () => {
  it('publishes what an invocation counted when it ends', async () => {
    const handler = withLogging(async () => {
      new PowertoolsMetricsAdapter(sharedMetrics).count('BackupsIssued');
    });

    const docs = await emitted(async () => {
      await handler({}, localContext('scheduled-entry', 'req-1') as never);
    });

    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ BackupsIssued: 1 });
    expect(sharedMetrics.hasStoredMetrics()).toBe(false);
  });

  it('writes nothing for an invocation that counted nothing', async () => {
    const handler = withLogging(async () => {});

    const docs = await emitted(async () => {
      await handler({}, localContext('scheduled-entry', 'req-2') as never);
    });

    expect(docs).toEqual([]);
  });
});
