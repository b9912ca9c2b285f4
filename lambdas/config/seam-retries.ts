// How hard the Seam client retries one request, stated once: the adapter retries by these, and lib/
// gives each function a timeout above the worst case they allow (docs/decisions.md, "Timeouts").

export interface SeamRetrySettings {
  /** Per attempt, reading the reply included. */
  readonly timeoutMs: number;
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Full-jitter backoff: the n-th retry waits below min(maxDelayMs, baseDelayMs × 2ⁿ). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A longer Retry-After is not waited out in a Lambda: the workflow's own plan retries later. */
  readonly maxRetryAfterMs: number;
}

/** Background functions (workflow tasks, scheduled entries, healthcheck, feeds). */
export const SEAM_RETRIES: SeamRetrySettings = {
  timeoutMs: 10_000,
  maxRetries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 20_000,
};

/**
 * Functions behind the HTTP API, which answers 503 after 30 s whatever the function does: one
 * retry, so a request's worst case fits with room for the rest of its work.
 */
export const SEAM_RETRIES_BEHIND_API: SeamRetrySettings = {
  timeoutMs: 8_000,
  maxRetries: 1,
  baseDelayMs: 200,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 4_000,
};

/**
 * The longest one request can take under `settings`: every attempt runs to its timeout and every
 * wait between them is as long as allowed (a Retry-After at the limit, or the backoff's ceiling).
 */
export function seamWorstCaseMs(settings: SeamRetrySettings): number {
  let waits = 0;
  for (let retry = 0; retry < settings.maxRetries; retry++) {
    const backoffCeiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
    waits += Math.max(backoffCeiling, settings.maxRetryAfterMs);
  }
  return (settings.maxRetries + 1) * settings.timeoutMs + waits;
}
