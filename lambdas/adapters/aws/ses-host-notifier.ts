import type { SESClient } from '@aws-sdk/client-ses';
import type { HostAlert, HostNotifier } from '#ports/host-notifier.ts';
import { SesEmailSender } from './ses-email.ts';

export interface SesHostNotifierOptions {
  /** The verified identity alerts come from (the same as guest email). */
  from: string;
  /** Where a host wants its alerts; undefined when it has not said. */
  addressOf: (hostId: string) => Promise<string | undefined>;
  /** The operator's inbox, for a host with no address on file: an alert is never dropped. */
  fallback: string;
}

/** R8.2 alert emails through SES, with HTML and text parts like guest email. */
export class SesHostNotifier implements HostNotifier {
  private readonly sender: SesEmailSender;
  private readonly options: SesHostNotifierOptions;

  constructor(client: SESClient, options: SesHostNotifierOptions) {
    this.sender = new SesEmailSender(client, options.from);
    this.options = options;
  }

  async notifyHost(alert: HostAlert): Promise<void> {
    const address = await this.options.addressOf(alert.hostId);
    await this.sender.sendEmail({
      messageId: alert.messageId,
      reservationId: alert.reservationId,
      to: address ?? this.options.fallback,
      // The operator must see whose alert it is.
      subject: address ? alert.subject : `[host ${alert.hostId}] ${alert.subject}`,
      text: alert.text,
      html: alert.html,
    });
  }
}
