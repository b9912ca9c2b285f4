import { expect } from 'vitest';
import type { SandboxDeviceSpec } from '#adapters/local/sandbox-locks.ts';
import type { ReservationInput } from '#core/model.ts';
import {
  type HostMessageFields,
  messageSentEventBody,
  reservationEventBody,
} from '#local/channel-partner.ts';
import type { LocalStoreKind } from '#local/local-stores.ts';
import { type GuestEntry, isGuestEntry, type OutboxEntry } from '#local/outbox.ts';
import { HOST, type Reply, RuntimeWorld } from './runtime-world.ts';

// The runtime world for the guest message and host alert rules (R5, R8.2).

export { HOST, HOUR, MINUTE, type Reply } from './runtime-world.ts';

export class MessageWorld extends RuntimeWorld {
  /** On the in-memory store for the use-case tests, on dynalite end to end. */
  static async start(at: number, store: LocalStoreKind): Promise<MessageWorld> {
    return new MessageWorld(...(await RuntimeWorld.boot(at, 11, store)));
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

  async accept(r: ReservationInput): Promise<void> {
    const reply = await this.channel((id, at) =>
      reservationEventBody('reservation.accepted', id, HOST, at, r),
    );
    expect(reply.status).toBe(201);
  }

  async cancel(r: ReservationInput): Promise<void> {
    const reply = await this.channel((id, at) =>
      reservationEventBody('reservation.cancelled', id, HOST, at, r),
    );
    expect(reply.status).toBeLessThan(300);
  }

  /** The channel reports that a listing host wrote in the guest's conversation (R5.3). */
  messageSent(m: Omit<HostMessageFields, 'sentAt'> & { sentAt?: number }): Promise<Reply> {
    return this.channel((id, at) => messageSentEventBody(id, HOST, at, { ...m, sentAt: m.sentAt ?? at }));
  }

  /** The same delivery again, as a channel partner retries it. */
  redeliver(body: string, eventId: string): Promise<Reply> {
    return this.delivered(eventId, body);
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
