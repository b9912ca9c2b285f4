import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { startServer } from '../test/support/npm-start.ts';
import { percentile, round } from './stats.ts';

// `npm run bench:load`: a bounded burst of signed channel deliveries to `npm start`'s server on
// loopback, then every one of them again (R9.1). Checks that each reservation is stored exactly
// once, that nothing answers 5xx and that the replay changes nothing; prints p50/p99 per phase.

const DELIVERIES = Number(process.env.LOAD_DELIVERIES ?? 2_000);
const IN_FLIGHT = Number(process.env.LOAD_IN_FLIGHT ?? 50);
const PROPERTIES = 20;
const SECRET = 'load-channel-secret';
const HOST = 'demo-host';
const DAY = 86_400_000;

interface Answer {
  status: number;
  body: string;
  ms: number;
}
const seconds: Record<string, number> = {};

const server = await startServer([], { LOCKSTEP_CHANNEL_SECRET: SECRET });
const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
const hostApi = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: auth,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

try {
  // The stays spread over properties as a host's portfolio would; each delivery is one booking.
  const propertyIds = Array.from({ length: PROPERTIES }, (_, i) => `load-${i + 1}`);
  for (const id of propertyIds) await hostApi('POST', '/v1/properties', { id, name: id, timeZone: 'UTC' });
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const deliveries = Array.from({ length: DELIVERIES }, (_, i) => {
    const eventId = `load-evt-${i}`;
    const start = 30 + (i % 300);
    const body = reservationEventBody('reservation.accepted', eventId, HOST, now, {
      reservationId: `load-${i}`,
      propertyId: propertyIds[i % PROPERTIES] ?? '',
      channel: 'direct',
      confirmationCode: `LOAD${i}`,
      guest: { name: `Guest ${i}`, email: `guest${i}@example.com` },
      checkIn: `${day(start)}T16:00`,
      checkOut: `${day(start + 2)}T11:00`,
    });
    return { eventId, body };
  });

  // The webhook answers 202 once a delivery is queued; the inbox consumer stores the booking just
  // after (R9.5), so the stays are read once the queue has drained (all stored, or 60 s).
  const drained = async () => {
    let stays = await snapshot(propertyIds);
    for (let tries = 0; tries < 600 && stays.size < DELIVERIES; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stays = await snapshot(propertyIds);
    }
    return stays;
  };
  const burst = await send('burst', deliveries);
  const stored = await drained();
  const replay = await send('replay', deliveries);
  const after = await drained();

  const ids = [...stored.keys()];
  const checks = {
    'every reservation stored exactly once': ids.length === DELIVERIES && new Set(ids).size === DELIVERIES,
    'no 5xx': [...burst, ...replay].every((a) => a.status < 500),
    'every burst delivery queued (202)': burst.every((a) => a.status === 202),
    'every replay answered as the first delivery': replay.every(
      (a, i) => a.status === burst[i]?.status && a.body === burst[i]?.body,
    ),
    'the replay changed nothing': JSON.stringify([...after]) === JSON.stringify([...stored]),
  };
  console.log(
    `\nnpm run bench:load: ${DELIVERIES} signed channel deliveries, ${IN_FLIGHT} in flight, loopback`,
  );
  for (const [phase, answers] of [
    ['burst', burst],
    ['replay', replay],
  ] as const) {
    const ms = answers.map((a) => a.ms);
    const statuses = Object.entries(Object.groupBy(answers, (a) => String(a.status)))
      .map(([s, list]) => `${s}×${list?.length ?? 0}`)
      .join(' ');
    console.log(
      `${phase.padEnd(7)} p50 ${round(percentile(ms, 50))} ms  p99 ${round(percentile(ms, 99))} ms  max ${round(Math.max(...ms))} ms  ${round(answers.length / (seconds[phase] ?? 1))}/s  statuses ${statuses}`,
    );
  }
  for (const [check, ok] of Object.entries(checks)) console.log(`${ok ? 'ok  ' : 'FAIL'} ${check}`);
  process.exitCode = Object.values(checks).every(Boolean) ? 0 : 1;
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** Posts every delivery, IN_FLIGHT at a time, each signed when it is sent (as senders re-sign). */
async function send(phase: string, list: readonly { eventId: string; body: string }[]): Promise<Answer[]> {
  const answers: Answer[] = new Array(list.length);
  const began = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < list.length; i = next++) {
      const { eventId, body } = list[i] as { eventId: string; body: string };
      const started = performance.now();
      const response = await fetch(`${server.url}/webhooks/channel`, {
        method: 'POST',
        ...signedDelivery(SECRET, eventId, Date.now(), body),
      });
      answers[i] = { status: response.status, body: await response.text(), ms: performance.now() - started };
      if (++done % 100 === 0 || done === list.length)
        process.stderr.write(`\r${phase}: ${done}/${list.length}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  seconds[phase] = (performance.now() - began) / 1000;
  process.stderr.write('\n');
  return answers;
}

/** Every stored reservation of the load's properties, read through the host API, by id. */
async function snapshot(propertyIds: readonly string[]): Promise<Map<string, unknown>> {
  const all = new Map<string, unknown>();
  for (const propertyId of propertyIds) {
    let cursor: string | null = null;
    do {
      const query: string = `propertyId=${propertyId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await hostApi('GET', `/v1/reservations?${query}`)) as {
        reservations: { reservationId: string }[];
        cursor: string | null;
      };
      for (const r of page.reservations) {
        if (all.has(r.reservationId)) all.set(`${r.reservationId}#duplicate`, r);
        else all.set(r.reservationId, r);
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return new Map([...all].sort(([a], [b]) => (a < b ? -1 : 1)));
}
