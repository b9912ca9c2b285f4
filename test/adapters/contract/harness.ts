import { afterEach, beforeEach, expect } from 'vitest';
import type { storesOn } from '#core/deps.ts';

// How the contract suites get a fresh adapter for every test, whichever adapter it is.

/** Every store port on one adapter, as `storesOn` takes it (DynamoStore, MemoryStore). */
export type AllStores = Parameters<typeof storesOn>[0];

export interface Started<T> {
  subject: T;
  stop(): Promise<void>;
}

/** Starts the adapter under test on empty state. */
export type Start<T> = () => Promise<Started<T>>;

/** Registers a fresh adapter before each test and its stop after; the getter reads the current one. */
export function freshPerTest<T>(start: Start<T>): () => T {
  let current: Started<T> | undefined;
  beforeEach(async () => {
    current = await start();
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the adapter exists only inside a test');
    return current.subject;
  };
}

/**
 * Runs `writes` at once and expects exactly one through (resolved, and not to `false`); returns its
 * index and why the rejected ones were.
 */
export async function exactlyOneWins(
  writes: (() => Promise<unknown>)[],
): Promise<{ winner: number; rejections: unknown[] }> {
  const results = await Promise.allSettled(writes.map((write) => write()));
  const won = results.flatMap((r, i) => (r.status === 'fulfilled' && r.value !== false ? [i] : []));
  expect(won).toHaveLength(1);
  const rejections = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  return { winner: won[0] ?? -1, rejections };
}
