import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { percentile, round } from './stats.ts';

// Warm handler latency, in-process: the local runtime's middy-wrapped handlers (the same code the
// Lambdas run) against dynalite on loopback. Channel webhook: signed `reservation.accepted`
// deliveries of new reservations; access view: GET /v1/reservations/{id} with a host token.
// Prints one JSON object. `npm run bench` runs it; BENCH_CALLS changes the 1,000 calls per route.

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000);
const WARMUP = 50; // first calls JIT-compile the path; not counted
const PROPERTIES = 20;
const DAY = 86_400_000;
const HOST = 'host-bench';

const runtime = await LocalRuntime.start({ channelSecrets: ['bench-channel-secret'] });
const token = runtime.jwt.issue(HOST, Date.now());
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function api(method: string, path: string, body?: object): Promise<void> {
  const reply = await runtime.request({
    method,
    path,
    headers: auth,
    body: body ? JSON.stringify(body) : '',
  });
  if ((reply.statusCode ?? 500) >= 300)
    throw new Error(`${method} ${path}: ${reply.statusCode} ${reply.body}`);
}

for (let p = 0; p < PROPERTIES; p++) {
  await api('POST', '/v1/properties', { id: `p${p}`, name: `Property ${p}`, timeZone: 'America/New_York' });
  for (const door of ['front', 'back']) {
    const id = `p${p}-${door}`;
    runtime.sandbox.addDevice({
      deviceId: id,
      model: 'generic',
      codeLengths: [4, 5, 6, 7, 8],
      maxCodes: 100,
    });
    await api('POST', '/v1/locks', {
      id,
      name: id,
      provider: 'sandbox',
      deviceId: id,
      nativeScheduling: true,
    });
    await api('PUT', `/v1/properties/p${p}/locks/${id}`);
  }
}

// Stays far enough ahead that no scheduled entry falls due while the benchmark runs.
const firstDay = Date.now() + 60 * DAY;
const localDate = (at: number) => new Date(at).toISOString().slice(0, 10);

async function deliverReservation(i: number): Promise<number> {
  const checkIn = firstDay + Math.floor(i / PROPERTIES) * 3 * DAY;
  const body = reservationEventBody('reservation.accepted', `evt-${i}`, HOST, Date.now(), {
    reservationId: `r${i}`,
    propertyId: `p${i % PROPERTIES}`,
    channel: 'direct',
    confirmationCode: `C${i}`,
    guest: { name: `Guest ${i}` },
    checkIn: `${localDate(checkIn)}T16:00`,
    checkOut: `${localDate(checkIn + 2 * DAY)}T11:00`,
  });
  const start = performance.now();
  const reply = await runtime.request({
    method: 'POST',
    path: '/webhooks/channel',
    ...signedDelivery('bench-channel-secret', `evt-${i}`, Date.now(), body),
  });
  const ms = performance.now() - start;
  if (reply.statusCode !== 201) throw new Error(`channel webhook: ${reply.statusCode} ${reply.body}`);
  return ms;
}

async function readAccessView(i: number): Promise<number> {
  const start = performance.now();
  const reply = await runtime.request({ method: 'GET', path: `/v1/reservations/r${i}`, headers: auth });
  const ms = performance.now() - start;
  if (reply.statusCode !== 200) throw new Error(`access view: ${reply.statusCode} ${reply.body}`);
  return ms;
}

const dynamoBefore = runtime.calls.dynamodb;
const webhook: number[] = [];
for (let i = 0; i < WARMUP + CALLS; i++) {
  const ms = await deliverReservation(i);
  if (i >= WARMUP) webhook.push(ms);
}
const dynamoPerWebhook = (runtime.calls.dynamodb - dynamoBefore) / (WARMUP + CALLS);
const accessView: number[] = [];
for (let i = 0; i < WARMUP + CALLS; i++) {
  const ms = await readAccessView(i % (WARMUP + CALLS));
  if (i >= WARMUP) accessView.push(ms);
}
await runtime.stop();

const summary = (samples: number[]) => ({
  p50Ms: round(percentile(samples, 50), 2),
  p99Ms: round(percentile(samples, 99), 2),
});
console.log(
  JSON.stringify({
    calls: CALLS,
    webhook: { ...summary(webhook), dynamoCallsPerCall: round(dynamoPerWebhook, 1) },
    accessView: summary(accessView),
  }),
);
process.exit(0);
