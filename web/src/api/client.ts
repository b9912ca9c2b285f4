import { currentToken } from '../session.ts';

// The host API (docs/host-api.md), with the bearer token from the session. On its own origin unless
// config.json says otherwise: nothing leaves for a third party (R13.5), and the CSP enforces it.

/** An answer other than 2xx, as the API explains it: `field` names the invalid input (R9.2). */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  readonly correlationId: string | undefined;

  constructor(status: number, message: string, field?: string, correlationId?: string) {
    super(message);
    this.status = status;
    this.field = field;
    this.correlationId = correlationId;
  }

  /** One sentence for the host: the API's message, the field it names, a reference for a 5xx. */
  describe(): string {
    const field = this.field && !this.message.includes(this.field) ? ` (${this.field})` : '';
    const reference = this.status >= 500 && this.correlationId ? ` Reference: ${this.correlationId}.` : '';
    return `${this.message}${field}.${reference}`;
  }
}

interface ErrorBody {
  error?: { message?: string; field?: string };
  message?: string;
  correlationId?: string;
}

/** Where the API is: "" for this page's origin (config.json's apiBaseUrl). */
let apiBase = '';
export function useApiBase(base: string): void {
  apiBase = base;
}
export const apiUrl = (path: string) => `${apiBase}${path}`;

/** Called on a 401, so the page can ask the host to sign in again. */
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${currentToken() ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError(0, 'Lockstep could not be reached: check that it is running');
  }
  const parsed = parseJson(await response.text());
  if (response.ok) return parsed as T;
  if (response.status === 401) onUnauthorized();
  const error = (parsed ?? {}) as ErrorBody;
  const message = error.error?.message ?? error.message ?? `The API answered ${response.status}`;
  throw new ApiError(response.status, message, error.error?.field, error.correlationId);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
