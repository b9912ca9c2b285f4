import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScenarioCalendar } from '../../simulator/scenario-calendars.ts';
import { type ServedRead, SnapshotServer } from '../../simulator/snapshot-server.ts';

// The scenario's feeds on loopback: the snapshot of the (virtual) instant, with ETag and 304, an
// error status, or no answer at all until the caller gives up.

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const CALENDAR: ScenarioCalendar = {
  id: 'c1',
  channel: 'airbnb',
  snapshots: [
    { from: '2026-12-01T00:00:00Z', ics: ICS },
    { from: '2026-12-03T06:00:00Z', status: 503 },
    { from: '2026-12-03T09:00:00Z', status: 'timeout' },
  ],
};

describe('the simulator’s snapshot server', () => {
  let server: SnapshotServer;
  const reads: ServedRead[] = [];
  const held: string[] = [];

  beforeAll(async () => {
    server = await SnapshotServer.start([CALENDAR], {
      onHold: (target) => held.push(target),
      onRead: (read) => reads.push(read),
    });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => server.stop());

  const at = (iso: string) => vi.useFakeTimers({ now: Date.parse(iso), toFake: ['Date'] });

  it('answers 404 before the first snapshot', async () => {
    at('2026-11-30T23:59:59Z');
    expect((await fetch(server.url('c1'))).status).toBe(404);
  });

  it('serves the body with an ETag, and 304 to a request carrying it', async () => {
    at('2026-12-02T00:00:00Z');
    const first = await fetch(server.url('c1'));
    const etag = first.headers.get('etag') ?? '';
    expect([first.status, await first.text(), etag]).toEqual([
      200,
      ICS,
      expect.stringMatching(/^"[0-9a-f]{16}"$/),
    ]);
    const again = await fetch(server.url('c1'), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers the snapshot’s error status from its `from` on', async () => {
    at('2026-12-03T06:00:00Z');
    expect((await fetch(server.url('c1'))).status).toBe(503);
  });

  it('holds a `timeout` snapshot’s request unanswered until the caller gives up', async () => {
    at('2026-12-03T10:00:00Z');
    const answer = fetch(server.url('c1'), { signal: AbortSignal.timeout(200) });
    await expect(answer).rejects.toThrow(/timeout|aborted/i);
    expect(held).toEqual([new URL(server.url('c1')).pathname]);
  });

  it('reports each read with the instant it arrived at', () => {
    expect(reads.map((r) => [r.at, r.status])).toEqual([
      [Date.parse('2026-11-30T23:59:59Z'), 404],
      [Date.parse('2026-12-02T00:00:00Z'), 200],
      [Date.parse('2026-12-02T00:00:00Z'), 304],
      [Date.parse('2026-12-03T06:00:00Z'), 503],
      [Date.parse('2026-12-03T10:00:00Z'), 0],
    ]);
  });
});
