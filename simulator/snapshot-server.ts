import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Instant } from '#core/model.ts';
import type { ScenarioCalendar, ScenarioSnapshot } from './scenario-calendars.ts';

// The scenario's calendar feeds over HTTP on loopback, so the product's own fetcher reads them
// (docs/simulation-contract.md, version 2): at each instant, the snapshot whose `from` came last.

/** One request the server answered: `status` 0 when it held the request unanswered. */
export interface ServedRead {
  calendarId: string;
  at: Instant;
  status: number;
}

export interface SnapshotServerHooks {
  /** The request for `target` (path and query) gets no answer: its caller waits on its own timeout. */
  onHold(target: string): void;
  /** A read was answered (or held), at the virtual instant it arrived. */
  onRead(read: ServedRead): void;
}

interface Feed {
  calendarId: string;
  snapshots: { from: Instant; snapshot: ScenarioSnapshot; etag?: string }[];
}

type Reply = { status: number; headers: Record<string, string>; body?: string | undefined };

/** What a snapshot answers: its body (or 304 to its own ETag), its error status, or 404 before any. */
function replyTo(current: Feed['snapshots'][number] | undefined, ifNoneMatch: string | undefined): Reply {
  const text = { 'content-type': 'text/plain' };
  if (!current) return { status: 404, headers: text, body: 'not found' };
  const { snapshot, etag = '' } = current;
  if (typeof snapshot.status === 'number')
    return { status: snapshot.status, headers: text, body: `error ${snapshot.status}` };
  if (ifNoneMatch === etag) return { status: 304, headers: { etag } };
  return {
    status: 200,
    headers: { etag, 'content-type': 'text/calendar; charset=utf-8' },
    body: snapshot.ics,
  };
}

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

export class SnapshotServer {
  private readonly server: Server;
  private readonly feeds = new Map<string, Feed>();
  private readonly held = new Set<ServerResponse>();
  private readonly hooks: SnapshotServerHooks;

  private constructor(hooks: SnapshotServerHooks) {
    this.hooks = hooks;
    this.server = createServer((req, res) => this.answer(req, res));
  }

  /** Start before virtual time is installed: the server's own housekeeping timers stay real. */
  static async start(calendars: readonly ScenarioCalendar[], hooks: SnapshotServerHooks) {
    const server = new SnapshotServer(hooks);
    for (const c of calendars) {
      server.feeds.set(SnapshotServer.target(c.id), {
        calendarId: c.id,
        snapshots: c.snapshots.map((s) => ({
          from: Date.parse(s.from),
          snapshot: s,
          ...(s.ics === undefined ? {} : { etag: etagOf(s.ics) }),
        })),
      });
    }
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  /** The path a calendar is served at. */
  static target(calendarId: string): string {
    return `/calendars/${encodeURIComponent(calendarId)}.ics`;
  }

  url(calendarId: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${SnapshotServer.target(calendarId)}`;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const now = Date.now(); // the virtual clock: it stands still while the request is tracked
    const feed = this.feeds.get(req.url ?? '');
    const current = feed?.snapshots.findLast((s) => s.from <= now);
    if (feed && current?.snapshot.status === 'timeout') {
      this.hold(req, res, feed.calendarId, now);
      return;
    }
    const { status, headers, body } = replyTo(current, req.headers['if-none-match']);
    if (feed) this.hooks.onRead({ calendarId: feed.calendarId, at: now, status });
    // Each answer closes its connection: a kept-alive socket would outlive virtual hours.
    res.writeHead(status, { ...headers, connection: 'close' }).end(body);
  }

  /**
   * A `timeout` snapshot: no answer. The fetch is parked (virtual time may move on) until the product's
   * fetcher gives up on its own (virtual) deadline and closes the connection.
   */
  private hold(req: IncomingMessage, res: ServerResponse, calendarId: string, now: Instant): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
    this.hooks.onRead({ calendarId, at: now, status: 0 });
    this.hooks.onHold(req.url ?? '');
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
