import type { Instant } from '#core/model.ts';
import type { EmailMessage, EmailSender, SmsMessage, SmsSender } from '#ports/messaging.ts';
import type { AwsCalls } from './aws-calls.ts';

export type OutboxEntry =
  | { via: 'email'; at: Instant; message: EmailMessage }
  | { via: 'sms'; at: Instant; message: SmsMessage };

/**
 * SES and SNS's stand-in: records every message instead of sending it. A message id seen before
 * is not recorded twice, as the real senders' idempotency keeps a retried step from sending twice.
 */
export class Outbox implements EmailSender, SmsSender {
  readonly entries: OutboxEntry[] = [];
  private readonly seen = new Set<string>();
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

  private record(entry: OutboxEntry): void {
    if (this.seen.has(entry.message.messageId)) return;
    this.seen.add(entry.message.messageId);
    if (entry.via === 'email') this.calls.ses++;
    else this.calls.sns++;
    this.entries.push(entry);
    this.onMessage(entry);
  }
}
