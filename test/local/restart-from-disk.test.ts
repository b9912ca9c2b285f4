import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScheduledEntry } from '#core/model.ts';
import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { type StartedServer, startServer } from '../support/npm-start.ts';

// `npm start -- --data DIR` (R9.5 for the local runtime): the process is killed with SIGKILL at a few
// moments (mid-burst of bookings, and with a step about to fall due), started again on the same
// folder, and read back through the host API.

const SECRET = 'restart-channel-secret';
const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const dir = mkdtempSync(path.join(tmpdir(), 'lockstep-restart-'));
const running: StartedServer[] = [];

const start = async () => {
  const server = await startServer(['--data', dir], { LOCKSTEP_CHANNEL_SECRET: SECRET });
  running.push(server);
  return server;
};
const kill = async (server: StartedServer) => {
  server.child.kill('SIGKILL');
  expect(await server.exited).toBe('SIGKILL');
};

/** A signed reservation.accepted for the demo property; `checkIn` is an instant. */
const booking = (id: string, checkIn: number) => {
  const body = reservationEventBody('reservation.accepted', `evt-${id}`, 'demo-host', Date.now(), {
    reservationId: id,
    propertyId: 'beach-house',
    channel: 'direct',
    confirmationCode: `CONF-${id}`.toUpperCase(),
    guest: { name: `Guest ${id}`, email: `${id}@example.com` },
    checkIn: new Date(checkIn).toISOString(),
    checkOut: new Date(checkIn + 2 * DAY).toISOString(),
  });
  return (server: StartedServer) =>
    fetch(`${server.url}/webhooks/channel`, {
      method: 'POST',
      ...signedDelivery(SECRET, `evt-${id}`, Date.now(), body),
    }).then((r) => r.status);
};

const reservation = async (server: StartedServer, id: string) => {
  const response = await fetch(`${server.url}/v1/reservations/${id}`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  // biome-ignore lint/suspicious/noExplicitAny: the access view is JSON read by assertions
  return { status: response.status, body: (await response.json()) as any };
};

/** A real process on the wall clock: polls its host API until the stay is stored (or 30 s). */
const stored = async (server: StartedServer, id: string) => {
  let found = await reservation(server, id);
  for (let tries = 0; tries < 300 && found.status !== 200; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    found = await reservation(server, id);
  }
  return found;
};

const entriesOnDisk = (): ScheduledEntry[] =>
  JSON.parse(readFileSync(path.join(dir, 'schedules.json'), 'utf8'));

afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start -- --data DIR, killed and started again', () => {
  const later = Array.from({ length: 12 }, (_, i) => `later-${i}`);
  const answered = new Map<string, number>();
  const soonId = 'soon';

  it('loses no reservation answered (queued) before a kill mid-burst, nor its scheduled entries', async () => {
    const first = await start();
    const sends = later.map((id, i) => booking(id, Date.now() + (10 + i) * DAY));
    // Six bookings answered, then six in flight when the process is killed.
    for (const send of sends.slice(0, 6)) answered.set(String(later[answered.size]), await send(first));
    const inFlight = sends.slice(6).map((send) => send(first).catch(() => 0));
    await kill(first);
    await Promise.all(inFlight);
    expect([...answered.values()]).toEqual(Array(6).fill(202));

    // What was queued and not yet acted on when the process died is acted on after the restart.
    const second = await start();
    for (const id of answered.keys()) {
      const { status, body } = await stored(second, id);
      expect(status, id).toBe(200);
      expect(body.status).toBe('accepted');
    }
    const kinds = (id: string) =>
      entriesOnDisk()
        .filter((e) => e.reservationId === id)
        .map((e) => e.kind)
        .sort();
    for (const id of answered.keys()) expect(kinds(id), id).toEqual(['delete', 'message', 'provision']);
    // The sender retries what was never answered: each is queued (or found queued), never a 5xx.
    for (const [i, send] of sends.entries()) expect(await send(second), later[i]).toBe(202);
    for (const id of later) expect((await stored(second, id)).status, id).toBe(200);
    await kill(second);
  }, 180_000);

  it('fires a step that fell due while the process was down, once started again', async () => {
    const third = await start();
    // The demo property's code message is due 70 minutes before check-in (60 of buffer, 10 ahead):
    // two seconds after this booking, so it falls due while the process is down.
    expect(await booking(soonId, Date.now() + 70 * MINUTE + 2_000)(third)).toBe(202);
    expect((await stored(third, soonId)).status).toBe(200);
    await kill(third);
    expect(third.output()).not.toContain(`${soonId}@example.com`);
    expect(entriesOnDisk().filter((e) => e.reservationId === soonId && e.kind === 'message')).toHaveLength(1);

    const fourth = await start();
    // A real process on the wall clock: poll its host API until the message is recorded (or 30 s).
    const told = (v: { body: { messages?: { sent: unknown[] }[] } }) =>
      v.body.messages?.some((m) => m.sent.length);
    let view = await reservation(fourth, soonId);
    for (let tries = 0; tries < 300 && !told(view); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = await reservation(fourth, soonId);
    }
    expect(view.body.timeline.map((e: { event: string }) => e.event)).toContain('guest.code_message_sent');
    expect(fourth.output()).toContain(`email to ${soonId}@example.com`);
    expect(view.body.messages.filter((m: { sent: unknown[] }) => m.sent.length > 0)).toHaveLength(1);
    for (const id of answered.keys()) expect((await reservation(fourth, id)).status).toBe(200);
    // The demo's cleaning crew (R12) was seeded once across four starts, and follows the stays.
    const api = (p: string) =>
      fetch(`${fourth.url}${p}`, { headers: { authorization: `Bearer ${fourth.token}` } }).then((r) =>
        r.json(),
      );
    const { staff } = await api('/v1/staff');
    expect(staff.map((m: { staffId: string }) => m.staffId)).toEqual(['cleaning-crew']);
    expect((await api('/v1/staff/cleaning-crew')).codes.length).toBeGreaterThan(0);
  }, 180_000);
});
