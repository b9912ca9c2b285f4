import { expect } from 'vitest';
import type { SandboxDeviceSpec } from '#adapters/local/sandbox-locks.ts';
import type { Guest, Reservation } from '#core/model.ts';
import { updateReservation } from '#core/usecases/update-reservation.ts';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';

// One host, its properties and sandbox locks on the real local runtime, in virtual time.
// Devices are named after their locks (`front` → `front-device`).

export const HOST = 'host-1';
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** Long enough for the sandbox to confirm a change requested at the instant the wait starts (it takes 20 s). */
export const CONFIRMATION = 21_000;

export const device = (lockId: string) => `${lockId}-device`;
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

export class LockWorld {
  readonly runtime: LocalRuntime;
  readonly time: VirtualTime;
  private readonly token: string;
  private events = 0;

  private constructor(runtime: LocalRuntime, time: VirtualTime) {
    this.runtime = runtime;
    this.time = time;
    this.token = runtime.jwt.issue(HOST, Date.now(), 90 * 86_400);
  }

  static async start(at: number, seed = 7): Promise<LockWorld> {
    const runtime = await LocalRuntime.start({ random: seeded(seed) });
    return new LockWorld(runtime, VirtualTime.install(at, runtime.activity));
  }

  async stop(): Promise<void> {
    this.time.uninstall();
    await this.runtime.stop();
  }

  async api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const reply = await this.runtime.request({
      method,
      path,
      headers: { authorization: `Bearer ${this.token}` },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    await this.time.settle();
    return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : undefined };
  }

  async property(id: string, settings: Record<string, unknown> = {}): Promise<void> {
    const reply = await this.api('POST', '/v1/properties', { id, name: id, timeZone: 'UTC', ...settings });
    expect(reply.status).toBe(201);
  }

  /** A sandbox device and the lock registered for it; native scheduling unless said otherwise. */
  async lock(id: string, spec: Partial<SandboxDeviceSpec> = {}): Promise<void> {
    const { nativeScheduling = true, codeLengths = [4, 5, 6, 7, 8], model = 'generic', ...rest } = spec;
    this.runtime.sandbox.addDevice({
      deviceId: device(id),
      model,
      codeLengths,
      maxCodes: 100,
      nativeScheduling,
      ...rest,
    });
    const reply = await this.api('POST', '/v1/locks', {
      id,
      name: id,
      provider: 'sandbox',
      deviceId: device(id),
      model,
      nativeScheduling,
      codeLengths,
    });
    expect(reply.status).toBe(201);
  }

  async match(propertyId: string, lockId: string): Promise<void> {
    expect((await this.api('PUT', `/v1/properties/${propertyId}/locks/${lockId}`)).status).toBe(200);
  }

  async unmatch(propertyId: string, lockId: string): Promise<void> {
    expect((await this.api('DELETE', `/v1/properties/${propertyId}/locks/${lockId}`)).status).toBe(200);
  }

  /** A booking through the signed channel webhook; times are local to the property. */
  async book(
    id: string,
    propertyId: string,
    checkIn: string,
    checkOut: string,
    guest?: Guest,
  ): Promise<Reservation> {
    const eventId = `evt-${++this.events}`;
    const body = reservationEventBody('reservation.accepted', eventId, HOST, Date.now(), {
      reservationId: id,
      propertyId,
      channel: 'direct',
      confirmationCode: `CONF-${id}`.toUpperCase(),
      guest: guest ?? { name: `Guest ${id}`, email: `${id}@example.com` },
      checkIn,
      checkOut,
    });
    const delivery = signedDelivery(this.runtime.channelSecrets[0] ?? '', eventId, Date.now(), body);
    const reply = await this.runtime.request({ method: 'POST', path: '/webhooks/channel', ...delivery });
    expect(reply.statusCode).toBe(201);
    await this.time.settle();
    return this.reservation(id);
  }

  /** Cancellations arrive with issue 7; until then the store is changed as that flow will. */
  async cancel(id: string): Promise<void> {
    await updateReservation(this.runtime.deps, HOST, id, (r) => {
      r.status = 'cancelled';
      r.cancelledAt = Date.now();
      return true;
    });
  }

  async reservation(id: string): Promise<Reservation> {
    const r = await this.runtime.deps.store.getReservation(HOST, id);
    if (!r) throw new Error(`no reservation ${id}`);
    return r;
  }

  async lockStatus(reservationId: string, lockId: string): Promise<string | undefined> {
    return (await this.reservation(reservationId)).code.locks.find((s) => s.lockId === lockId)?.status;
  }

  /** PINs really on the lock (the device's truth, not Lockstep's belief). */
  pinsOn(lockId: string): string[] {
    return this.runtime.sandbox.codesOnDevice(device(lockId)).map((c) => c.code);
  }

  runUntil(at: number): Promise<void> {
    return this.time.runUntil(at);
  }

  /** Nothing went wrong in a workflow or a scheduled job, and no foreign code was touched (R1.3). */
  expectClean(): void {
    expect(this.runtime.failures).toEqual([]);
    expect(this.runtime.sandbox.foreignCodesTouched()).toBe(0);
  }
}
