import { FEED_SHARDS } from '#config/table-layout.ts';
import { readDueFeeds } from '#core/calendars/read-due-feeds.ts';
import type { Deps } from '#core/deps.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { LOCKSTEP_MEMORY_MB } from '../lib/constructs/lockstep-function.ts';
import { PRICES } from '../local/aws-prices.ts';
import { airbnbFeed, type FeedStay, vrboFeed } from '../test/e2e/calendar-feed-bodies.ts';
import { FeedServer } from '../test/support/feed-server.ts';

// `npm run bench:feeds`: what reading calendar feeds costs on AWS, measured on the local runtime
// (dynalite, the real use cases, exports served on loopback). PROPERTIES properties with an Airbnb-
// and a Vrbo-shaped feed each, 4 future stays per feed: a first round brings the stays in, then
// steady rounds 15 minutes apart in which nothing changed (conditional GETs answered 304), and a
// round in which every export is sent again in full. Each shard is read in turn, as one function
// invocation would. Prints reads per second and DynamoDB units, Lambda time and price per read.

const PROPERTIES = Number(process.env.BENCH_FEED_PROPERTIES ?? 100);
const STEADY_ROUNDS = 3;
const QUARTER = 15 * 60_000;
const DAY = 86_400_000;
const START = Date.now();

const date = (t: number) => new Date(t).toISOString().slice(0, 10);
const stays = (p: number, channel: string): FeedStay[] =>
  [0, 1, 2, 3].map((i) => {
    const start = START + (40 + i * 7 + (channel === 'vrbo' ? 3 : 0)) * DAY;
    return {
      uid: `${channel}-${p}-${i}`,
      start: date(start),
      end: date(start + 2 * DAY),
      code: `HM${p}X${i}`.padEnd(10, 'Q'),
      phone: String(1000 + ((p * 7 + i) % 9000)),
      name: `Guest ${p}-${i}`,
    };
  });

const runtime = await LocalRuntime.start({ store: 'dynalite' });
const server = await FeedServer.start();
const token = runtime.jwt.issue('bench-host', Date.now());
const api = async (method: string, path: string, body: unknown) => {
  const reply = await runtime.request({
    method,
    path,
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if ((reply.statusCode ?? 500) >= 300)
    throw new Error(`${method} ${path}: ${reply.statusCode} ${reply.body}`);
};
const serveAll = (version: number) => {
  for (let p = 0; p < PROPERTIES; p++) {
    // A changed DTSTAMP changes the body (and its ETag) without changing any stay.
    const stamp = (body: string) => body.replaceAll('DTSTAMP:2026', `DTSTAMP:${2026 + version}`);
    server.set(`/airbnb/${p}.ics`, { kind: 'body', body: stamp(airbnbFeed(stays(p, 'airbnb'))) });
    server.set(`/vrbo/${p}.ics`, { kind: 'body', body: stamp(vrboFeed(stays(p, 'vrbo'))) });
  }
};

serveAll(0);
for (let p = 0; p < PROPERTIES; p++) {
  await api('POST', '/v1/properties', { id: `p${p}`, name: `Property ${p}`, timeZone: 'America/New_York' });
  await api('POST', `/v1/properties/p${p}/calendars`, {
    url: server.url(`/airbnb/${p}.ics`),
    channel: 'airbnb',
  });
  await api('POST', `/v1/properties/p${p}/calendars`, { url: server.url(`/vrbo/${p}.ics`), channel: 'vrbo' });
}

// The first round runs once every feed added is due.
let now = Date.now();
const deps: Deps = { ...runtime.deps, clock: { now: () => now } };
const feeds = PROPERTIES * 2;

/** One round: every shard read in turn; the calls and the time it took. */
async function round(label: string) {
  const before = { ...runtime.calls };
  const startedAt = performance.now();
  let read = 0;
  for (let shard = 0; shard < FEED_SHARDS; shard++) read += (await readDueFeeds(deps, shard)).feeds;
  const seconds = (performance.now() - startedAt) / 1000;
  const per = (n: number) => n / Math.max(read, 1);
  const rru = per(runtime.calls.dynamodbReadUnits - before.dynamodbReadUnits);
  const wru = per(runtime.calls.dynamodbWriteUnits - before.dynamodbWriteUnits);
  const gbSeconds = (seconds / Math.max(read, 1)) * (LOCKSTEP_MEMORY_MB / 1024);
  const usd =
    rru * PRICES.dynamodbReadUnit.usd +
    wru * PRICES.dynamodbWriteUnit.usd +
    gbSeconds * PRICES.lambdaArmGbSecond.usd;
  return { label, read, seconds, rru, wru, gbSeconds, usd };
}

const rows = [await round('first (stays come in)')];
for (let i = 0; i < STEADY_ROUNDS; i++) {
  now += QUARTER;
  rows.push(await round(`steady ${i + 1} (304)`));
}
serveAll(1);
now += QUARTER;
rows.push(await round('every export sent again (200)'));

const steady = rows.filter((r) => r.label.startsWith('steady'));
const mean = (f: (r: (typeof rows)[number]) => number) =>
  steady.reduce((s, r) => s + f(r), 0) / steady.length;
const readsPerMonth = 30 * 96;
const schedulerPerFeedMonth = (FEED_SHARDS * readsPerMonth * PRICES.schedulerInvocation.usd) / 100_000;

console.log(`| round | feeds read | reads/s | RRU/read | WRU/read | GB-s/read | $/read |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.read} | ${(r.read / r.seconds).toFixed(0)} | ${r.rru.toFixed(2)} | ${r.wru.toFixed(2)} | ${r.gbSeconds.toFixed(5)} | ${r.usd.toExponential(2)} |`,
  );
console.log(
  `\nsteady state: ${(feeds / mean((r) => r.seconds)).toFixed(0)} reads/s in one process; ` +
    `$${(mean((r) => r.usd) * readsPerMonth + schedulerPerFeedMonth).toFixed(5)} per feed per month ` +
    `(${readsPerMonth} reads; scheduler share at 100,000 feeds included)`,
);

await server.stop();
await runtime.stop();
process.exit(0);
