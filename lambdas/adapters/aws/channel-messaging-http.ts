import { signWebhook } from '#core/webhooks/signature.ts';
import {
  type ChannelMessage,
  type ChannelMessenger,
  ChannelUnreachableError,
} from '#ports/channel-messaging.ts';
import { MessageRefusedError } from '#ports/messaging.ts';

// The channel partner's messaging API (docs/webhooks.md, "Channel messaging"): a signed JSON POST per
// message into the guest's conversation. Timeouts, throttling and server faults are retried here with
// full-jitter backoff; a refusal (other 4xx) is final.

export interface ChannelMessagingHttpOptions {
  /** The partner's API root, e.g. https://partner.example/lockstep. */
  baseUrl: string;
  /** The secret shared with the partner: requests are signed as its webhooks to Lockstep are. */
  signingSecret: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Per attempt, reading the reply included. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

type Attempt = { kind: 'done' } | { kind: 'refused'; why: string } | { kind: 'retry'; why: string };

const RETRIED_STATUS = new Set([408, 425, 429]);
// Only a short machine-readable code of the partner's error is kept: its body may quote the text (a PIN).
const ERROR_CODE = /^[a-z][a-z0-9_.]{0,59}$/;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ChannelMessagingHttp implements ChannelMessenger {
  private readonly url: string;
  private readonly secret: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: ChannelMessagingHttpOptions) {
    if (!options.signingSecret) throw new Error('channel messaging: the signing secret is missing');
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/v1/messages`;
    this.secret = options.signingSecret;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 4_000;
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
    for (let retry = 0; ; retry++) {
      const outcome = await this.attempt(message, body);
      if (outcome.kind === 'done') return;
      if (outcome.kind === 'refused') throw new MessageRefusedError(message.channel, outcome.why);
      if (retry >= this.maxRetries) {
        throw new ChannelUnreachableError(
          `${message.channel} messaging unreachable: ${outcome.why} (${retry + 1} attempts)`,
        );
      }
      await this.sleep(this.backoff(retry));
    }
  }

  /** Full jitter: a uniform draw below an exponentially growing, capped ceiling. */
  private backoff(retry: number): number {
    return Math.floor(this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** retry));
  }

  private async attempt(message: ChannelMessage, body: string): Promise<Attempt> {
    // Signed afresh per attempt: the partner refuses a timestamp older than five minutes.
    const signature = signWebhook(this.secret, message.messageId, this.now(), body);
    let response: Response;
    let reply: string;
    try {
      response = await this.fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          // The partner drops a second delivery with the same key: a retry never posts twice.
          'idempotency-key': message.messageId,
          ...signature,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      reply = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { kind: 'retry', why: timedOut ? `no reply within ${this.timeoutMs} ms` : 'network error' };
    }
    if (response.ok) return { kind: 'done' };
    if (RETRIED_STATUS.has(response.status) || response.status >= 500) {
      return { kind: 'retry', why: `HTTP ${response.status}` };
    }
    const code = errorCode(reply);
    return {
      kind: 'refused',
      why: `${message.channel} messaging refused the message: ${code ?? 'no reason given'} (HTTP ${response.status})`,
    };
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
