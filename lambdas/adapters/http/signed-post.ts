import { signWebhook } from '#core/webhooks/signature.ts';

// One signed JSON POST, as Lockstep sends to channel partners and hosts' endpoints: Standard Webhooks
// headers signed afresh per attempt (receivers refuse an old timestamp), timeouts, throttling and
// server faults retried with full-jitter backoff, any other 4xx final.

export interface SignedPostOptions {
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

export type PostOutcome =
  | { kind: 'delivered' }
  | { kind: 'refused'; status: number; reply: string }
  | { kind: 'unreachable'; why: string; attempts: number };

const RETRIED_STATUS = new Set([408, 425, 429]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SignedPoster {
  private readonly options: Required<SignedPostOptions>;

  /** `defaults` are the caller's retry budget, overridden by `options`. */
  constructor(
    options: SignedPostOptions,
    defaults: Pick<Required<SignedPostOptions>, 'maxRetries' | 'baseDelayMs' | 'maxDelayMs'>,
  ) {
    this.options = {
      // Looked up per call: touching globalThis.fetch loads undici, ~25 ms of every cold start.
      fetch: (input, init) => globalThis.fetch(input, init),
      sleep: defaultSleep,
      random: Math.random,
      now: Date.now,
      timeoutMs: 5_000,
      ...defaults,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
      signingSecret: options.signingSecret,
    };
  }

  async post(
    url: string,
    deliveryId: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<PostOutcome> {
    const o = this.options;
    for (let retry = 0; ; retry++) {
      const outcome = await this.attempt(url, deliveryId, body, headers);
      if (outcome.kind !== 'retry') return outcome;
      if (retry >= o.maxRetries) return { kind: 'unreachable', why: outcome.why, attempts: retry + 1 };
      // Full jitter: a uniform draw below an exponentially growing, capped ceiling.
      await o.sleep(Math.floor(o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** retry)));
    }
  }

  private async attempt(
    url: string,
    deliveryId: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<Exclude<PostOutcome, { kind: 'unreachable' }> | { kind: 'retry'; why: string }> {
    const o = this.options;
    const signature = signWebhook(o.signingSecret, deliveryId, o.now(), body);
    let response: Response;
    let reply: string;
    try {
      response = await o.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...signature },
        body,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      reply = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { kind: 'retry', why: timedOut ? `no reply within ${o.timeoutMs} ms` : 'network error' };
    }
    if (response.ok) return { kind: 'delivered' };
    if (RETRIED_STATUS.has(response.status) || response.status >= 500) {
      return { kind: 'retry', why: `HTTP ${response.status}` };
    }
    return { kind: 'refused', status: response.status, reply };
  }
}
