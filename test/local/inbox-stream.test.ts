import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryChannelInbox } from '#adapters/memory/memory-channel-inbox.ts';
import { MemoryFailedWorkQueue } from '#adapters/memory/memory-failed-work.ts';
import { json } from '#handlers/http/http.ts';
import { Activity } from '#local/activity.ts';
import { AsyncInvocations, SWEEP_DELAY_MS } from '#local/async-invocations.ts';
import { FaultPlan, type FaultSettings } from '#local/faults/fault-plan.ts';
import { faultyPort } from '#local/faults/faulty-ports.ts';
import { LocalInboxStream, STREAM_RETRY_DELAYS_MS } from '#local/local-inbox-stream.ts';
import type { FailedWork } from '#ports/failed-work.ts';

// The table's stream as the local runtime models it (R9.5): what reaches the inbox consumer, and
// what happens when the consumer fails.

const NO_FAULTS: FaultSettings = {
  seed: 1,
  store: { errorRate: 0, ambiguousWriteRate: 0 },
  lockProvider: { errorRate: 0, lostWebhookRate: 0, duplicateWebhookRate: 0, webhookDelayMinutes: [0, 0] },
  channelWebhooks: { duplicateRate: 0, reorderWithinMinutes: 0 },
  functionCrashRate: 0,
  schedulerDuplicateRate: 0,
};

const delivery = (id: string) => ({
  deliveryId: id,
  event: JSON.stringify({ host_id: 'host-1', reservation: { id: 'r1' } }),
  receivedAt: 0,
});

function stream(consume: (id: string) => Promise<void>) {
  const activity = new Activity();
  const destination: FailedWork[] = [];
  const invocations: AsyncInvocations = new AsyncInvocations({
    activity,
    queue: new MemoryFailedWorkQueue(),
    redrive: (work) => inbox.redrive(work),
    onDestination: (work) => destination.push(work),
  });
  const inbox: LocalInboxStream = new LocalInboxStream({
    activity,
    asyncInvocations: invocations,
    consume: async (d) => {
      await consume(d.deliveryId);
      return json(201, {});
    },
  });
  return { inbox, destination, store: inbox.streamed(new MemoryChannelInbox()) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the local inbox stream (R9.5)', () => {
  it('hands a delivery to the consumer once, however often it is queued (R9.1)', async () => {
    const runs: string[] = [];
    const { inbox, store } = stream(async (id) => void runs.push(id));
    expect(await store.enqueue(delivery('d1'), 0)).toBe('queued');
    expect(await store.enqueue(delivery('d1'), 0)).toBe('duplicate');
    await inbox.drained();
    expect(runs).toEqual(['d1']);
    expect(inbox.outcome('d1')?.statusCode).toBe(201);
  });

  it('streams a put that was applied but answered with a timeout', async () => {
    const runs: string[] = [];
    const { inbox, store } = stream(async (id) => void runs.push(id));
    const plan = new FaultPlan({ ...NO_FAULTS, store: { errorRate: 0, ambiguousWriteRate: 1 } });
    const timingOut = faultyPort(store, plan, 'store');
    await expect(plan.invoke('intake', () => timingOut.enqueue(delivery('d2'), 0))).rejects.toThrow(
      'timed out',
    );
    await inbox.drained();
    expect(runs).toEqual(['d2']);
  });

  it('retries a failed consumer run after 1, 2, 4 and 8 s, then sends it to the destination the sweep re-drives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const attempts: number[] = [];
    let failing = true;
    const { inbox, destination, store } = stream(async () => {
      attempts.push(Date.now());
      if (failing) throw new Error('the function died before answering');
    });
    const start = Date.now();
    await store.enqueue(delivery('d3'), start);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(attempts.map((at) => at - start)).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
    expect(STREAM_RETRY_DELAYS_MS).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(destination.map((w) => [w.kind, w.name, w.reservationId])).toEqual([
      ['channel-delivery', 'd3', 'r1'],
    ]);
    failing = false;
    await vi.advanceTimersByTimeAsync(SWEEP_DELAY_MS);
    expect(attempts).toHaveLength(6);
    expect(inbox.outcome('d3')?.statusCode).toBe(201);
  });
});
