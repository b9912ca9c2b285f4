import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { EmailMessage, EmailSender } from '#ports/messaging.ts';

// Guest names and wording are not ASCII-only.
const CHARSET = 'UTF-8';

/** Sends through SES; the caller makes sends idempotent (by messageId) before reaching here. */
export class SesEmailSender implements EmailSender {
  private readonly client: SESClient;
  private readonly from: string;

  constructor(client: SESClient, from: string) {
    this.client = client;
    this.from = from;
  }

  async sendEmail(message: EmailMessage): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        Source: this.from,
        Destination: { ToAddresses: [message.to] },
        Message: {
          Subject: { Data: message.subject, Charset: CHARSET },
          Body: {
            Html: { Data: message.html, Charset: CHARSET },
            Text: { Data: message.text, Charset: CHARSET },
          },
        },
      }),
    );
  }
}
