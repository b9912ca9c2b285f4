import { vi } from 'vitest';

// What an HTTP adapter put on the wire, taken at `fetch` itself so no adapter code is trusted.

export interface SentRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Records every request made through the global `fetch` until `stop()`; requests still go out. */
export function recordFetch(): { sent: SentRequest[]; stop: () => void } {
  const sent: SentRequest[] = [];
  const real = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const text = typeof init?.body === 'string' ? init.body : '';
    sent.push({
      method: (init?.method ?? 'GET').toLowerCase(),
      path: url.pathname,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    });
    return real(input, init);
  });
  return { sent, stop: () => spy.mockRestore() };
}
