import type { LocalRuntime } from '#local/runtime.ts';

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are JSON read by assertions
  body: any;
}

/** A host API caller on an in-process runtime: `host` signs the token, none sends no token. */
export function hostApiClient(runtime: LocalRuntime) {
  const tokens = new Map<string, string>();
  return async (host: string | undefined, method: string, target: string, body?: unknown): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (host) {
      if (!tokens.has(host)) tokens.set(host, runtime.jwt.issue(host, Date.now()));
      headers.authorization = `Bearer ${tokens.get(host)}`;
    }
    const [path = '', query = ''] = target.split('?');
    const reply = await runtime.request({
      method,
      path,
      query,
      headers,
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : undefined };
  };
}
