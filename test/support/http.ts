import { request as httpRequest } from 'node:http';

export interface HttpReply {
  status: number;
  body: unknown;
}

/**
 * A plain node:http client: unlike fetch it arms no timers of its own, so it behaves the same
 * under a virtual clock.
 */
export function call(
  url: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; token?: string } = {},
): Promise<HttpReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
