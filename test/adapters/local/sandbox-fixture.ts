import FakeTimers from '@sinonjs/fake-timers';
import { afterEach, beforeEach } from 'vitest';
import { SandboxLockProvider, type SandboxOptions } from '#adapters/local/sandbox-locks.ts';
import type { LockProviderWebhook } from '#adapters/local/sandbox-webhooks.ts';
import type { LockProviderError } from '#core/errors.ts';

// The sandbox tests' harness: a fake clock, recorded deliveries, and a provider with device d1.

export const START = Date.UTC(2026, 11, 1);
export const SECRET = `whsec_${Buffer.from('sandbox-test-secret').toString('base64')}`;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Delivery {
  at: number;
  headers: Record<string, string>;
  body: string;
  event: LockProviderWebhook;
}

// Live bindings: each test sees the clock and deliveries of its own run.
// fake-timers 15 ships its own types, which do not name the installed clock.
export let clock: ReturnType<typeof FakeTimers.install>;
export let deliveries: Delivery[];

/** Call at the top of a test file: a fresh fake clock and delivery log per test. */
export function useSandboxClock(): void {
  beforeEach(() => {
    clock = FakeTimers.install({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    deliveries = [];
  });
  afterEach(() => clock.uninstall());
}

export function sandbox(overrides: Partial<SandboxOptions> = {}): SandboxLockProvider {
  const counters = new Map<string, number>();
  const provider = new SandboxLockProvider({
    now: () => Date.now(),
    webhookSecret: SECRET,
    newId: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
    deliver: async (headers, body) => {
      deliveries.push({ at: Date.now(), headers, body, event: JSON.parse(body) });
    },
    ...overrides,
  });
  provider.addDevice({ deviceId: 'd1', model: 'generic', codeLengths: [4, 6], maxCodes: 3 });
  return provider;
}

export const events = () => deliveries.map((d) => [d.at - START, d.event.event_type, d.event.access_code_id]);
export const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: LockProviderError) => e.reason,
  );
export const set = (provider: SandboxLockProvider, code: string, deviceId = 'd1') =>
  provider.createCode({ deviceId, code, name: `guest ${code}` });
