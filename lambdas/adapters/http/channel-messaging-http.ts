import { ChannelUnreachableError, MessageRefusedError } from '#core/errors.ts';
import type { ChannelMessage, ChannelMessenger } from '#ports/channel-messaging.ts';
import { SignedPoster, type SignedPostOptions } from './signed-post.ts';

// The channel partner's messaging API (docs/webhooks.md, "Channel messaging"): a signed JSON POST per
// message into the guest's conversation. Timeouts, throttling and server faults are retried here with
// full-jitter backoff; a refusal (other 4xx) is final.

export interface ChannelMessagingHttpOptions extends SignedPostOptions {
  /** The partner's API root, e.g. https://partner.example/lockstep. */
  baseUrl: string;
}

// Only a short machine-readable code of the partner's error is kept: its body may quote the text (a PIN).
const ERROR_CODE = /^[a-z][a-z0-9_.]{0,59}$/;

export class ChannelMessagingHttp implements ChannelMessenger {
  private readonly url: string;
  private readonly poster: SignedPoster;

  constructor(options: ChannelMessagingHttpOptions) {
    if (!options.signingSecret) throw new Error('channel messaging: the signing secret is missing');
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/v1/messages`;
    this.poster = new SignedPoster(options, { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 4_000 });
  }

  async sendChannelMessage(message: ChannelMessage): Promise<void> {
    const body = JSON.stringify({
      version: '2026-11-01',
      id: message.messageId,
      host_id: message.hostId,
      reservation_id: message.reservationId,
      channel: message.channel,
      ...(message.senderHostId !== undefined && { sender_host_id: message.senderHostId }),
      language: message.language,
      text: message.text,
    });
    // The partner drops a second delivery with the same key: a retry never posts twice.
    const outcome = await this.poster.post(this.url, message.messageId, body, {
      accept: 'application/json',
      'idempotency-key': message.messageId,
    });
    if (outcome.kind === 'unreachable') {
      throw new ChannelUnreachableError(
        `${message.channel} messaging unreachable: ${outcome.why} (${outcome.attempts} attempts)`,
      );
    }
    if (outcome.kind === 'refused') {
      const code = errorCode(outcome.reply);
      throw new MessageRefusedError(
        message.channel,
        `${message.channel} messaging refused the message: ${code ?? 'no reason given'} (HTTP ${outcome.status})`,
      );
    }
  }
}

function errorCode(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown } };
    const code = body.error?.code;
    return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}
