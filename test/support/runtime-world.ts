import { expect } from 'vitest';
import type { Reservation } from '#core/model.ts';
import { signedDelivery } from '#local/channel-partner.ts';
import type { LocalStoreKind } from '#local/local-stores.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';

// One host on the real local runtime in virtual time, driven through its HTTP routes: the base of
// the test worlds (locks, messages). Devices are named after their locks.

export const HOST = 'host-1';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are JSON read by assertions
  body: Record<string, any> & { error?: { code?: string; field?: string; message?: string } };
}

/** A seeded linear congruential generator: PINs replay the same for a given seed. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

export abstract class RuntimeWorld {
  readonly runtime: LocalRuntime;
  readonly time: VirtualTime;
  private readonly token: string;
  private events = 0;

  protected constructor(runtime: LocalRuntime, time: VirtualTime) {
    this.runtime = runtime;
    this.time = time;
    this.token = runtime.jwt.issue(HOST, Date.now(), 90 * 86_400);
  }

  /** The runtime on `store`, seeded, with virtual time installed at `at`. */
  protected static async boot(
    at: number,
    seed: number,
    store: LocalStoreKind,
  ): Promise<[LocalRuntime, VirtualTime]> {
    const runtime = await LocalRuntime.start({ random: seeded(seed), store });
    return [runtime, VirtualTime.install(at, runtime.activity)];
  }

  async stop(): Promise<void> {
    this.time.uninstall();
    await this.runtime.stop();
  }

  async api(method: string, path: string, body?: unknown): Promise<Reply> {
    const reply = await this.runtime.request({
      method,
      path,
      headers: { authorization: `Bearer ${this.token}` },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    await this.time.settle();
    return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : {} };
  }

  /** A signed channel delivery of the event `body` builds for the next event id. */
  protected async channel(body: (eventId: string, at: number) => string): Promise<Reply> {
    const eventId = `evt-${++this.events}`;
    const at = Date.now();
    return this.delivered(eventId, body(eventId, at), at);
  }

  /**
   * A signed channel delivery of `body` under `eventId`. A refusal at the edge is its answer; an
   * admitted delivery must be answered 202, and the reply is then what the inbox consumer made of
   * it (R9.5), the outcome the partner was once answered with.
   */
  protected async delivered(eventId: string, body: string, at = Date.now()): Promise<Reply> {
    const reply = await this.runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(this.runtime.channelSecrets[0] ?? '', eventId, at, body),
    });
    await this.time.settle();
    if (reply.statusCode !== 202)
      return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : {} };
    const outcome = this.runtime.inbox.outcome(eventId);
    return { status: outcome?.statusCode ?? 0, body: outcome?.body ? JSON.parse(outcome.body) : {} };
  }

  async property(id: string, settings: Record<string, unknown> = {}): Promise<void> {
    const reply = await this.api('POST', '/v1/properties', { id, name: id, timeZone: 'UTC', ...settings });
    expect(reply.status).toBe(201);
  }

  async reservation(id: string): Promise<Reservation> {
    const r = await this.runtime.deps.reservations.getReservation(HOST, id);
    if (!r) throw new Error(`no reservation ${id}`);
    return r;
  }

  runUntil(at: number): Promise<void> {
    return this.time.runUntil(at);
  }
}
