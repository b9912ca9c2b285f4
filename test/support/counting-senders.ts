import type { Deps } from '#core/deps.ts';
import type { ReservationInput } from '#core/model.ts';
import type { ChannelMessage } from '#ports/channel-messaging.ts';
import type { HostAlert } from '#ports/host-notifier.ts';
import type { EmailMessage, SmsMessage } from '#ports/messaging.ts';
import { MessageWorld } from './message-world.ts';

// Senders that count what they are given, or fail on demand, in place of the outbox (whose own
// dedupe by message id would hide a second send), around one property `villa` with one lock `door`.

export interface Sent {
  email: EmailMessage[];
  sms: SmsMessage[];
  channel: ChannelMessage[];
  alerts: HostAlert[];
}

export type Failures = Partial<Record<keyof Sent, () => Error>>;

export class SendingWorld {
  readonly world: MessageWorld;
  sent: Sent = SendingWorld.nothingSent();
  private bookings = 0;

  private constructor(world: MessageWorld) {
    this.world = world;
  }

  /** For the use-case tests of messages (R5, R8.2): on the in-memory store. */
  static async start(at: number): Promise<SendingWorld> {
    const world = await MessageWorld.start(at, 'memory');
    await world.property('villa', { name: 'Villa', hosts: ['h1', 'h2'] });
    await world.lock('door', 'villa');
    return new SendingWorld(world);
  }

  static nothingSent(): Sent {
    return { email: [], sms: [], channel: [], alerts: [] };
  }

  /** The runtime's deps with counting senders; `fail` makes a route throw instead. */
  deps(fail: Failures = {}): Deps {
    const record =
      <K extends keyof Sent>(route: K) =>
      async (m: Sent[K][number]) => {
        const error = fail[route]?.();
        if (error) throw error;
        (this.sent[route] as Sent[K][number][]).push(m);
      };
    return {
      ...this.world.runtime.deps,
      email: { sendEmail: record('email') },
      sms: { sendSms: record('sms') },
      channelMessenger: { sendChannelMessage: record('channel') },
      hostNotifier: { notifyHost: record('alerts') },
    };
  }

  /** A stay at the villa three weeks out, so no scheduled entry fires while a test runs. */
  async book(overrides: Partial<ReservationInput> = {}): Promise<string> {
    const reservationId = `r${++this.bookings}`;
    await this.world.accept({
      reservationId,
      propertyId: 'villa',
      channel: 'direct',
      confirmationCode: `C${this.bookings}`,
      guest: { name: 'Mateo Rossi', email: 'mateo@example.com', phone: '+39 347 123 4567' },
      checkIn: '2026-12-20T15:00',
      checkOut: '2026-12-22T11:00',
      ...overrides,
    });
    return reservationId;
  }
}
