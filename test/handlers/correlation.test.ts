import { describe, expect, it } from 'vitest';
import type { Deps } from '#core/deps.ts';
import type { ScheduledEntry } from '#core/model.ts';
import { correlated } from '#handlers/correlation.ts';
import type { HttpRequest } from '#handlers/http/http.ts';
import { requestCorrelationId } from '#handlers/http/with-http-middleware.ts';
import { logger } from '#handlers/logger.ts';
import type { ProvisioningInput } from '#ports/workflows.ts';

const request = (headers: Record<string, string>) =>
  ({ headers, requestContext: { requestId: 'req-7' } }) as unknown as HttpRequest;

describe('the correlation id of a request', () => {
  it('is a webhook’s delivery id, Standard Webhooks’ or Svix’s', () => {
    expect(requestCorrelationId(request({ 'webhook-id': 'evt_1' }))).toBe('evt_1');
    expect(requestCorrelationId(request({ 'svix-id': 'msg_2abc' }))).toBe('msg_2abc');
  });

  it('is API Gateway’s request id without a delivery id, or with one that is not a plain token', () => {
    expect(requestCorrelationId(request({}))).toBe('req-7');
    expect(requestCorrelationId(request({ 'webhook-id': 'a b\n{"x":1}' }))).toBe('req-7');
    expect(requestCorrelationId(request({ 'webhook-id': 'x'.repeat(129) }))).toBe('req-7');
  });
});

describe('correlated deps', () => {
  const started: { entries: ScheduledEntry[]; inputs: ProvisioningInput[] } = { entries: [], inputs: [] };
  const deps = correlated({
    scheduler: {
      schedule: async (entry: ScheduledEntry) => void started.entries.push(entry),
      cancel: async () => {},
    },
    workflows: { startProvisioning: async (input: ProvisioningInput) => void started.inputs.push(input) },
  } as unknown as Deps);
  const entry: ScheduledEntry = {
    name: 'message-h1-r1',
    kind: 'message',
    at: 0,
    hostId: 'h1',
    reservationId: 'r1',
  };

  it('stamp the invocation’s correlation id on the entries and executions they start', async () => {
    logger.setCorrelationId('evt_1');
    try {
      await deps.scheduler.schedule(entry);
      await deps.workflows.startProvisioning({ hostId: 'h1', reservationId: 'r1' }, 'exec-1');
    } finally {
      logger.resetKeys();
    }
    expect(started.entries.at(-1)?.correlationId).toBe('evt_1');
    expect(started.inputs.at(-1)?.correlationId).toBe('evt_1');
  });

  it('fall back to the entry’s or execution’s name outside any request', async () => {
    await deps.scheduler.schedule(entry);
    await deps.workflows.startProvisioning({ hostId: 'h1', reservationId: 'r1' }, 'exec-1');
    expect(started.entries.at(-1)?.correlationId).toBe('message-h1-r1');
    expect(started.inputs.at(-1)?.correlationId).toBe('exec-1');
  });
});
