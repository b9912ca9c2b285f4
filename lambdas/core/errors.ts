// Errors a caller can act on. Each has a stable `code`; the HTTP edge maps them to 4xx (R9.2).

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
