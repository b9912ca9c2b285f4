import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback HTTP server serving calendar feeds for end-to-end tests: each path answers its body
// with an ETag (and 304 to a matching If-None-Match), or a status.

export type FeedAnswer = { kind: 'body'; body: string } | { kind: 'status'; status: number };

export class FeedServer {
  private readonly server: Server;
  private readonly answers = new Map<string, FeedAnswer>();
  /** Every answer given, by path, and whether the request was a conditional GET. */
  readonly log: { path: string; status: number; conditional: boolean }[] = [];

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<FeedServer> {
    const feeds = new FeedServer(createServer((req, res) => feeds.answer(req, res)));
    await new Promise<void>((resolve) => feeds.server.listen(0, '127.0.0.1', resolve));
    return feeds;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  set(path: string, answer: FeedAnswer): void {
    this.answers.set(path, answer);
  }

  count(path: string, status: number): number {
    return this.log.filter((l) => l.path === path && l.status === status).length;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const answer = this.answers.get(path) ?? { kind: 'status', status: 404 };
    const conditional = req.headers['if-none-match'] !== undefined;
    if (answer.kind === 'status') {
      this.log.push({ path, status: answer.status, conditional });
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    const etag = `"${createHash('sha256').update(answer.body).digest('hex').slice(0, 16)}"`;
    const status = req.headers['if-none-match'] === etag ? 304 : 200;
    this.log.push({ path, status, conditional });
    res.writeHead(status, { etag, 'content-type': 'text/calendar; charset=utf-8' });
    res.end(status === 200 ? answer.body : undefined);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
