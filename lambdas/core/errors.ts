// Every error class of Lockstep. Those with a stable `code` are the caller's fault and the HTTP edge maps
// them to 4xx (R9.2); the rest are outcomes callers handle: a lost race, a refusal, a passing fault.

export class ValidationError extends Error {
  readonly code = 'invalid_request';
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ValidationError';
    this.field = field;
  }
}

export class UnauthorizedError extends Error {
  readonly code = 'unauthorized';
  constructor(message = 'missing or invalid credentials') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** A request body over the route's size limit, refused before it is read (a 413 naming the limit). */
export class PayloadTooLargeError extends Error {
  readonly code = 'payload_too_large';
  readonly field = 'body';
  constructor(limitBytes: number) {
    super(`body: larger than the ${limitBytes}-byte limit`);
    this.name = 'PayloadTooLargeError';
  }
}

/** Also used for another host's resources, so their existence is never revealed (R9.3). */
export class NotFoundError extends Error {
  readonly code = 'not_found';
  readonly field: string | undefined;
  constructor(what: string, field?: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
    this.field = field;
  }
}

/**
 * A message could not be delivered now (a sender failed after its own retries). Nothing is lost:
 * the failure is on the reservation's timeline and a scheduled step is retried; a host request
 * answers 502 and may be repeated. Never carries a PIN (R9.4).
 */
export class DeliveryError extends Error {
  readonly code = 'delivery_failed';
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The item to create already exists (a replayed or concurrent creation). */
export class ConflictError extends Error {
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Another writer changed the item since it was read; re-read and decide again. */
export class StaleWriteError extends Error {
  readonly code = 'stale_write';
  constructor(message: string) {
    super(message);
    this.name = 'StaleWriteError';
  }
}

export const LOCK_FAILURE_REASONS = [
  'duplicate_code',
  'name_rejected',
  'no_space',
  'device_offline',
  'failed_to_set',
  'transient',
] as const;

export type LockFailureReason = (typeof LOCK_FAILURE_REASONS)[number];

/** A lock provider refused a request; `reason` is the domain's name for why. Never carries a PIN (R9.4). */
export class LockProviderError extends Error {
  readonly reason: LockFailureReason;
  constructor(reason: LockFailureReason, message: string) {
    super(message);
    this.name = 'LockProviderError';
    this.reason = reason;
  }
}

/**
 * The recipient or the content was refused for good (a blocked address, an invalid number, an
 * unknown conversation): sending again cannot help, so the caller records it instead of retrying.
 * Any other error from a sender is taken as passing. Never carries a PIN (R9.4).
 */
export class MessageRefusedError extends Error {
  readonly route: string;
  constructor(route: string, message: string) {
    super(message);
    this.name = 'MessageRefusedError';
    this.route = route;
  }
}

/** The partner's messaging endpoint did not answer usefully after every retry; a later run may succeed. */
export class ChannelUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelUnreachableError';
  }
}

/** The host could not be reached after the adapter's retries. Never carries the body. */
export class WebhookUndeliveredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUndeliveredError';
  }
}

/**
 * The lock provider refused the operator's credentials (a revoked or wrong API key). No lock refused
 * anything, so it is not a LockProviderError: it escapes the domain's handling of refusals, fails the
 * run, and the composition roots count and log it for the operator's alarm.
 */
export class ProviderCredentialsError extends Error {
  readonly provider: string;
  readonly status: number;
  constructor(provider: string, status: number, message: string) {
    super(message);
    this.name = 'ProviderCredentialsError';
    this.provider = provider;
    this.status = status;
  }
}

/** A provider hiccup (5xx, throttling): the workflow retries the step before it counts as an attempt. */
export class TransientLockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientLockError';
  }
}

export type NoValidPinReason = 'no_common_length' | 'all_taken';

/** No PIN satisfies every matched lock. The message names locks and lengths, never a PIN (R9.4). */
export class NoValidPinError extends Error {
  readonly code = 'no_valid_pin';
  readonly reason: NoValidPinReason;
  readonly lockIds: string[];
  constructor(reason: NoValidPinReason, lockIds: string[], message: string) {
    super(message);
    this.name = 'NoValidPinError';
    this.reason = reason;
    this.lockIds = lockIds;
  }
}
