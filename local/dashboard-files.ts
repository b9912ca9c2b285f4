import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

// The host's dashboard (web/, built into web/dist by `npm run build:web`), served at / next to the
// API, so the page calls the API on its own origin. On AWS a CDN would serve these files.

const DIST = path.join(import.meta.dirname, '..', 'web', 'dist');

const FILES: Record<string, [file: string, type: string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/assets/dashboard.js': ['assets/dashboard.js', 'text/javascript; charset=utf-8'],
  '/assets/dashboard.css': ['assets/dashboard.css', 'text/css; charset=utf-8'],
  '/assets/favicon.svg': ['assets/favicon.svg', 'image/svg+xml'],
};

/**
 * The page's settings (web/src/auth/config.ts): the API on this origin, and the demo sign-in link
 * instead of Cognito. On AWS the deployment writes its own, with the user pool's hosted UI.
 */
const DEMO_CONFIG = JSON.stringify({ apiBaseUrl: '', auth: { kind: 'demo' } });

/** The page may load only its own files and call only its own origin: no inline script, no framing. */
const DASHBOARD_HEADERS = {
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};

function send(response: ServerResponse, method: string, type: string, body: Buffer): void {
  response.writeHead(200, { 'content-type': type, 'content-length': body.length, ...DASHBOARD_HEADERS });
  response.end(method === 'HEAD' ? undefined : body);
}

/** Answers a GET or HEAD for a dashboard file; false when the request is not for one. */
export async function serveDashboardFile(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/config.json') {
    send(response, method, 'application/json; charset=utf-8', Buffer.from(DEMO_CONFIG));
    return true;
  }
  const entry = FILES[pathname];
  if (!entry) return false;
  const [file, type] = entry;
  let body: Buffer;
  try {
    body = await readFile(path.join(DIST, file));
  } catch {
    response
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...DASHBOARD_HEADERS })
      .end('The dashboard is not built: run `npm run build:web` (npm start does it).\n');
    return true;
  }
  send(response, method, type, body);
  return true;
}
