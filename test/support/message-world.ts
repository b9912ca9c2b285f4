import { expect } from 'vitest';
import type { SandboxDeviceSpec } from '#adapters/local/sandbox-locks.ts';
import type { Reservation, ReservationInput } from '#core/model.ts';
import {
  type HostMessageFields,
  messageSentEventBody,
  reservationEventBody,
  signedDelivery,
} from '#local/channel-partner.ts';
import { type GuestEntry, isGuestEntry, type OutboxEntry } from '#local/outbox.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';

// One host on the real local runtime in virtual time, driven through its HTTP routes, for the guest
// message and host alert rules (R5, R8.2). Devices are named after their locks.

export const HOST = 'host-1';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code?: string; field?: string; message?: string } };
}

export class MessageWorld {
  readonly runtime: LocalRuntime;
  readonly time: VirtualTime;
  private readonly token: string;
  private events = 0;

  private constructor(runtime: LocalRuntime, time: VirtualTime) {
    this.runtime = runtime;
    this.time = time;
    this.token = runtime.jwt.issue(HOST, Date.now(), 90 * 86_400);
  }

  static async start(at: number): Promise<MessageWorld> {
    let seed = 11;
    const runtime = await LocalRuntime.start({
      random: () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      },
    });
    return new MessageWorld(runtime, VirtualTime.install(at, runtime.activity));
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

  async property(id: string, fields: Record<string, unknown> = {}): Promise<void> {
    const reply = await this.api('POST', '/v1/properties', { id, name: id, timeZone: 'UTC', ...fields });
    expect(reply.status).toBe(201);
  }

  /** A sandbox device, its lock registered and matched to the property. */
  async lock(id: string, propertyId: string, spec: Partial<SandboxDeviceSpec> = {}): Promise<void> {
    this.runtime.sandbox.addDevice({
      deviceId: id,
      model: 'generic',
      codeLengths: [6],
      maxCodes: 100,
      ...spec,
    });
    const lock = {
      id,
      name: id,
      provider: 'sandbox',
      deviceId: id,
      codeLengths: [6],
      nativeScheduling: spec.nativeScheduling ?? true,
    };
    expect((await this.api('POST', '/v1/locks', lock)).status).toBe(201);
    expect((await this.api('PUT', `/v1/properties/${propertyId}/locks/${id}`)).status).toBe(200);
  }

  private async channel(body: (eventId: string, at: number) => string): Promise<Reply> {
    const eventId = `evt-${++this.events}`;
    const at = Date.now();
    const reply = await this.runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(this.runtime.channelSecrets[0] ?? '', eventId, at, body(eventId, at)),
    });
    await this.time.settle();
    return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : {} };
  }

  async accept(r: ReservationInput): Promise<void> {
    const reply = await this.channel((id, at) =>
      reservationEventBody('reservation.accepted', id, HOST, at, r),
    );
    expect(reply.status).toBe(201);
  }

  /** The channel reports that a listing host wrote in the guest's conversation (R5.3). */
  messageSent(m: Omit<HostMessageFields, 'sentAt'> & { sentAt?: number }): Promise<Reply> {
    return this.channel((id, at) => messageSentEventBody(id, HOST, at, { ...m, sentAt: m.sentAt ?? at }));
  }

  /** The same delivery again, as a channel partner retries it. */
  async redeliver(body: string, eventId: string): Promise<Reply> {
    const reply = await this.runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(this.runtime.channelSecrets[0] ?? '', eventId, Date.now(), body),
    });
    return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : {} };
  }

  async reservation(id: string): Promise<Reservation> {
    const r = await this.runtime.deps.store.getReservation(HOST, id);
    if (!r) throw new Error(`no reservation ${id}`);
    return r;
  }

  guestEntries(reservationId: string): GuestEntry[] {
    return this.runtime.outbox.entries
      .filter(isGuestEntry)
      .filter((e) => e.message.reservationId === reservationId);
  }

  alerts(): Extract<OutboxEntry, { via: 'alert' }>[] {
    return this.runtime.outbox.entries.filter(
      (e): e is Extract<OutboxEntry, { via: 'alert' }> => e.via === 'alert',
    );
  }
}
