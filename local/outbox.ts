import type { Instant, MessagingChannel } from '#core/model.ts';
import type { ChannelMessage, ChannelMessenger } from '#ports/channel-messaging.ts';
import type { HostAlert, HostNotifier } from '#ports/host-notifier.ts';
import type { EmailMessage, EmailSender, SmsMessage, SmsSender } from '#ports/messaging.ts';
import type { AwsCalls } from './aws-calls.ts';

export type OutboxEntry =
  | { via: 'email'; at: Instant; message: EmailMessage }
  | { via: 'sms'; at: Instant; message: SmsMessage }
  | { via: MessagingChannel; at: Instant; message: ChannelMessage }
  | { via: 'alert'; at: Instant; message: HostAlert };

/** Entries that reached a guest (alerts go to the host). */
export type GuestEntry = Exclude<OutboxEntry, { via: 'alert' }>;
export const isGuestEntry = (entry: OutboxEntry): entry is GuestEntry => entry.via !== 'alert';

/** Who an entry went to, for printing. */
export function recipientOf(entry: OutboxEntry): string {
  switch (entry.via) {
    case 'email':
    case 'sms':
      return entry.message.to;
    case 'alert':
      return `host ${entry.message.hostId}`;
    default:
      return `${entry.via} conversation ${entry.message.reservationId}${entry.message.senderHostId ? ` as ${entry.message.senderHostId}` : ''}`;
  }
}

/**
 * SES, SNS and the channel partners' stand-in: records every message instead of sending it. A message
 * id seen before is not recorded twice, as the partners' idempotency keys would drop it. SES and SNS
 * calls are counted; a channel message is an HTTP call to the partner, not an AWS call.
 */
export class Outbox implements EmailSender, SmsSender, ChannelMessenger, HostNotifier {
  readonly entries: OutboxEntry[] = [];
  /** Emails and SMS sent again under a message id already sent: the guest got them twice. */
  readonly repeatedGuestSends: OutboxEntry[] = [];
  private readonly seen = new Set<string>();
  /** Entries by the reservation they are about: a portfolio's probes read one stay's, not all. */
  private readonly byReservation = new Map<string, OutboxEntry[]>();
  private readonly calls: AwsCalls;
  private readonly onMessage: (entry: OutboxEntry) => void;

  constructor(calls: AwsCalls, onMessage: (entry: OutboxEntry) => void = () => {}) {
    this.calls = calls;
    this.onMessage = onMessage;
  }

  async sendEmail(message: EmailMessage): Promise<void> {
    this.record({ via: 'email', at: Date.now(), message });
  }

  async sendSms(message: SmsMessage): Promise<void> {
    this.record({ via: 'sms', at: Date.now(), message });
  }

  async sendChannelMessage(message: ChannelMessage): Promise<void> {
    this.record({ via: message.channel, at: Date.now(), message });
  }

  async notifyHost(alert: HostAlert): Promise<void> {
    this.record({ via: 'alert', at: Date.now(), message: alert });
  }

  private record(entry: OutboxEntry): void {
    if (this.seen.has(entry.message.messageId)) {
      // SES and SNS take no idempotency key: a repeated email or SMS reaches the guest again (R9.5).
      if (entry.via === 'email' || entry.via === 'sms') this.repeatedGuestSends.push(entry);
      return;
    }
    this.seen.add(entry.message.messageId);
    if (entry.via === 'email' || entry.via === 'alert') this.calls.ses++;
    else if (entry.via === 'sms') this.calls.sns++;
    this.entries.push(entry);
    const about = entry.message.reservationId;
    if (about !== undefined) {
      const list = this.byReservation.get(about);
      if (list) list.push(entry);
      else this.byReservation.set(about, [entry]);
    }
    this.onMessage(entry);
  }

  /** The entries about one reservation, in the order they were recorded. */
  about(reservationId: string): readonly OutboxEntry[] {
    return this.byReservation.get(reservationId) ?? [];
  }
}
