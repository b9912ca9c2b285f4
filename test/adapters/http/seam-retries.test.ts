import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider, type SeamLockProviderOptions } from '#adapters/http/seam-lock-provider.ts';
import { SEAM_RETRIES, SEAM_RETRIES_BEHIND_API, seamWorstCaseMs } from '#config/seam-retries.ts';
import { LockProviderError } from '#core/errors.ts';
import { FakeSeam } from '../../support/fake-seam.ts';

// Backoff is asserted through the delays the adapter asks for; nothing here sleeps for real.

const NOW = Date.UTC(2026, 11, 1, 12);
let seam: FakeSeam;
let delays: number[];

beforeEach(async () => {
  seam = await FakeSeam.start();
  seam.addDevice({ device_id: 'dev_1' });
  delays = [];
});
afterEach(() => seam.stop());

const provider = (options: Partial<SeamLockProviderOptions> = {}) =>
  new SeamLockProvider({
    apiKey: seam.apiKey,
    baseUrl: seam.url,
    baseDelayMs: 200,
    maxDelayMs: 5_000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    now: () => NOW,
    ...options,
  });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => {
      if (!(e instanceof LockProviderError)) throw e;
      return e;
    },
  );

describe('Seam adapter: server faults and throttling', () => {
  it('retries 5xx with full-jitter exponential backoff, then succeeds', async () => {
    seam.failNext({ status: 500 }, { status: 503 }, { status: 502 });
    expect((await provider().getDevice('dev_1')).deviceId).toBe('dev_1');
    expect(delays).toEqual([100, 200, 400]);
    expect(seam.requests).toHaveLength(4);
  });

  it('draws each delay below a ceiling that doubles up to maxDelayMs', async () => {
    seam.failNext({ status: 500 }, { status: 500 }, { status: 500 });
    await provider({ random: () => 0.999, maxDelayMs: 500 }).getDevice('dev_1');
    expect(delays).toEqual([199, 399, 499]);
  });

  it('gives up after maxRetries as transient, so the workflow retries the step later', async () => {
    seam.failNext({ status: 500 }, { status: 500 }, { status: 500 });
    const error = await failure(provider({ maxRetries: 2 }).getDevice('dev_1'));
    expect([error?.reason, error?.message]).toEqual([
      'transient',
      'seam /devices/get: HTTP 500 (3 attempts)',
    ]);
    expect(delays).toEqual([100, 200]);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    seam.failNext({ status: 429, retryAfter: '2' });
    await provider().listCodes('dev_1');
    expect(delays).toEqual([2_000]);
  });

  it('honours Retry-After as an HTTP date on a 429', async () => {
    seam.failNext({ status: 429, retryAfter: new Date(NOW + 3_000).toUTCString() });
    await provider().getDevice('dev_1');
    expect(delays).toEqual([3_000]);
  });

  it('backs off on a 429 without Retry-After', async () => {
    seam.failNext({ status: 429 }, { status: 429 });
    await provider().getDevice('dev_1');
    expect(delays).toEqual([100, 200]);
  });

  it('does not wait out a Retry-After longer than maxRetryAfterMs in a Lambda: transient at once', async () => {
    seam.failNext({ status: 429, retryAfter: '120' });
    const error = await failure(provider({ maxRetryAfterMs: 30_000 }).getDevice('dev_1'));
    expect([error?.reason, error?.message]).toEqual([
      'transient',
      'seam /devices/get: throttled (HTTP 429) (1 attempts)',
    ]);
    expect(delays).toEqual([]);
  });

  it('does not retry a 4xx refusal', async () => {
    seam.failNext({ status: 400, type: 'invalid_input' });
    await failure(provider().getDevice('dev_1'));
    expect([seam.requests.length, delays]).toEqual([1, []]);
  });
});

describe('Seam adapter: timeouts and network errors', () => {
  it('retries a request that gets no reply within timeoutMs', async () => {
    seam.failNext('hang');
    // Long enough for the retried request's real reply on a busy machine; the hang always outlasts it.
    expect((await provider({ timeoutMs: 400 }).getDevice('dev_1')).online).toBe(true);
    expect([seam.requests.length, delays]).toEqual([2, [100]]);
  });

  it('surfaces repeated timeouts as transient', async () => {
    seam.failNext('hang', 'hang');
    const error = await failure(provider({ timeoutMs: 40, maxRetries: 1 }).deleteCode('dev_1', 'ac_1'));
    expect([error?.reason, error?.message]).toEqual([
      'transient',
      'seam /access_codes/delete: no reply within 40 ms (2 attempts)',
    ]);
  });

  it('surfaces an unreachable Seam as transient', async () => {
    const gone = await FakeSeam.start();
    await gone.stop();
    const error = await failure(provider({ baseUrl: gone.url, maxRetries: 1 }).getDevice('dev_1'));
    expect([error?.reason, error?.message]).toEqual([
      'transient',
      'seam /devices/get: network error (2 attempts)',
    ]);
  });
});

describe('finding 5: the worst case of one request, which each function timeout must outlast', () => {
  it.each([
    ['background functions', SEAM_RETRIES],
    ['functions behind the HTTP API', SEAM_RETRIES_BEHIND_API],
  ])('%s: every attempt at its timeout plus the longest waits the client allows', async (_, settings) => {
    // The longest run: each attempt answers 429 with the longest Retry-After still waited out.
    const retryAfter = String(settings.maxRetryAfterMs / 1000);
    seam.failNext(
      ...Array.from({ length: settings.maxRetries + 1 }, () => ({ status: 429 as const, retryAfter })),
    );
    const error = await failure(provider({ ...settings }).getDevice('dev_1'));
    expect(error?.reason).toBe('transient');
    const attempts = seam.requests.length;
    expect(attempts).toBe(settings.maxRetries + 1);
    // Each attempt is cut off at timeoutMs (AbortSignal.timeout), so none can take longer.
    const longest = attempts * settings.timeoutMs + delays.reduce((sum, ms) => sum + ms, 0);
    expect(longest).toBe(seamWorstCaseMs(settings));
  });

  it('never waits longer than the worst case assumes, whatever the jitter draws', async () => {
    seam.failNext({ status: 500 }, { status: 500 }, { status: 500 });
    await failure(provider({ ...SEAM_RETRIES, random: () => 0.999_999 }).getDevice('dev_1'));
    const waits = delays.reduce((sum, ms) => sum + ms, 0);
    expect(waits).toBeLessThanOrEqual(seamWorstCaseMs(SEAM_RETRIES) - 4 * SEAM_RETRIES.timeoutMs);
  });
});
