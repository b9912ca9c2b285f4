// Errors a Store reports so callers can tell a lost race from a failure (R9.1).

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
