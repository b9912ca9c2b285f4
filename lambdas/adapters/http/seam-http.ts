import { SEAM_RETRIES, type SeamRetrySettings } from '#config/seam-retries.ts';
import { type LockFailureReason, LockProviderError, ProviderCredentialsError } from '#core/errors.ts';
import { reasonForSeamType } from './seam-shapes.ts';

// Seam's HTTP API: JSON POSTs with a bearer key. Server faults, throttling and timeouts are retried
// here with full-jitter backoff; whatever remains reaches the caller as a LockProviderError, except a
// refused API key (401/403), which is the operator's problem and no lock's: a ProviderCredentialsError.

export const SEAM_API_URL = 'https://connect.getseam.com';

/** Retry settings default to SEAM_RETRIES (lambdas/config/seam-retries.ts). */
export interface SeamHttpOptions extends Partial<SeamRetrySettings> {
  apiKey: string;
  baseUrl?: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Wall time, for a Retry-After given as an HTTP date. */
  now?: () => number;
}

/** A refusal from Seam, with what the adapter needs to decide (HTTP status, Seam's error type). */
export class SeamApiError extends LockProviderError {
  readonly status: number | undefined;
  readonly seamType: string | undefined;
  constructor(reason: LockFailureReason, message: string, status?: number, seamType?: string) {
    super(reason, message);
    this.name = 'SeamApiError';
    this.status = status;
    this.seamType = seamType;
  }
}

type Attempt =
  | { kind: 'done'; body: unknown }
  | { kind: 'failed'; error: SeamApiError | ProviderCredentialsError }
  | { kind: 'retry'; why: string; retryAfterMs?: number | undefined };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function errorType(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || !('error' in body)) return undefined;
  const { error } = body;
  return error && typeof error === 'object' && 'type' in error && typeof error.type === 'string'
    ? error.type
    : undefined;
}

export class SeamHttp {
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(options: SeamHttpOptions) {
    if (!options.apiKey) throw new Error('Seam API key is missing');
    this.apiKey = options.apiKey;
    this.baseUrl = (options.baseUrl ?? SEAM_API_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? SEAM_RETRIES.timeoutMs;
    this.maxRetries = options.maxRetries ?? SEAM_RETRIES.maxRetries;
    this.baseDelayMs = options.baseDelayMs ?? SEAM_RETRIES.baseDelayMs;
    this.maxDelayMs = options.maxDelayMs ?? SEAM_RETRIES.maxDelayMs;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? SEAM_RETRIES.maxRetryAfterMs;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** The parsed reply of a 2xx; every other outcome throws a LockProviderError. */
  async post(path: string, body: Record<string, unknown>): Promise<unknown> {
    for (let retry = 0; ; retry++) {
      const outcome = await this.attempt(path, body);
      if (outcome.kind === 'done') return outcome.body;
      if (outcome.kind === 'failed') throw outcome.error;
      const delay = outcome.retryAfterMs ?? this.backoff(retry);
      if (retry >= this.maxRetries || delay > this.maxRetryAfterMs) {
        throw new SeamApiError('transient', `seam ${path}: ${outcome.why} (${retry + 1} attempts)`);
      }
      await this.sleep(delay);
    }
  }

  /** Full jitter: a uniform draw below an exponentially growing, capped ceiling. */
  private backoff(retry: number): number {
    return Math.floor(this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** retry));
  }

  private async attempt(path: string, body: Record<string, unknown>): Promise<Attempt> {
    let status: number;
    let reply: unknown;
    let retryAfter: string | null;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      reply = parseJson(await response.text());
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { kind: 'retry', why: timedOut ? `no reply within ${this.timeoutMs} ms` : 'network error' };
    }
    if (status >= 200 && status < 300) return { kind: 'done', body: reply };
    if (status === 429) {
      return { kind: 'retry', why: 'throttled (HTTP 429)', retryAfterMs: this.retryAfterMs(retryAfter) };
    }
    if (status >= 500) return { kind: 'retry', why: `HTTP ${status}` };
    const type = errorType(reply);
    if (status === 401 || status === 403) {
      const message = `seam ${path}: API key refused: ${type ?? 'error'} (HTTP ${status})`;
      return { kind: 'failed', error: new ProviderCredentialsError('seam', status, message) };
    }
    const message = `seam ${path}: ${type ?? 'error'} (HTTP ${status})`;
    return { kind: 'failed', error: new SeamApiError(reasonForSeamType(type), message, status, type) };
  }

  /** Seconds or an HTTP date; anything unreadable falls back to backoff. */
  private retryAfterMs(header: string | null): number | undefined {
    if (!header) return undefined;
    if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - this.now());
  }
}
