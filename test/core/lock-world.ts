import { expect } from 'vitest';
import type { SandboxDeviceSpec } from '#adapters/local/sandbox-locks.ts';
import type { Guest, Reservation } from '#core/model.ts';
import { updateReservation } from '#core/reservations/update.ts';
import { reservationEventBody } from '#local/channel-partner.ts';
import type { LocalStoreKind } from '#local/local-stores.ts';
import { HOST, RuntimeWorld } from '../support/runtime-world.ts';

// One host, its properties and sandbox locks on the real local runtime, in virtual time.
// Devices are named after their locks (`front` → `front-device`).

export { HOST, HOUR, MINUTE } from '../support/runtime-world.ts';
/** Long enough for the sandbox to confirm a change requested at the instant the wait starts (it takes 20 s). */
export const CONFIRMATION = 21_000;

export const device = (lockId: string) => `${lockId}-device`;

export class LockWorld extends RuntimeWorld {
  /**
   * The use-case tests run on the in-memory store (the store contract holds it to DynamoDB's
   * behaviour); tests of the local runtime itself ask for dynalite.
   */
  static async start(
    at: number,
    { seed = 7, store = 'memory' }: { seed?: number; store?: LocalStoreKind } = {},
  ): Promise<LockWorld> {
    return new LockWorld(...(await RuntimeWorld.boot(at, seed, store)));
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
    const reply = await this.channel((eventId, at) =>
      reservationEventBody('reservation.accepted', eventId, HOST, at, {
        reservationId: id,
        propertyId,
        channel: 'direct',
        confirmationCode: `CONF-${id}`.toUpperCase(),
        guest: guest ?? { name: `Guest ${id}`, email: `${id}@example.com` },
        checkIn,
        checkOut,
      }),
    );
    expect(reply.status).toBe(201);
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

  async lockStatus(reservationId: string, lockId: string): Promise<string | undefined> {
    return (await this.reservation(reservationId)).code.locks.find((s) => s.lockId === lockId)?.status;
  }

  /** PINs really on the lock (the device's truth, not Lockstep's belief). */
  pinsOn(lockId: string): string[] {
    return this.runtime.sandbox.codesOnDevice(device(lockId)).map((c) => c.code);
  }

  /** Nothing went wrong in a workflow or a scheduled entry, and no foreign code was touched (R1.3). */
  expectClean(): void {
    expect(this.runtime.failures).toEqual([]);
    expect(this.runtime.sandbox.foreignCodesTouched()).toBe(0);
  }
}
