import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoStore, reservationItem } from '#adapters/aws/dynamo-store.ts';
import { DUE_SHARDS } from '#config/table-layout.ts';
import type { Reservation } from '#core/model.ts';
import { HEALTHCHECK_WINDOW } from '#core/provisioning/healthcheck.ts';
import { startLocalDynamo } from '#local/dynamo.ts';

// `npm run bench:healthcheck`: 100,000 codes due in the next 24 hours loaded into dynalite, then the
// healthcheck fan-out's query side (one Query stream per `byDue` shard, 10 shards at a time, as the
// Distributed Map's children would). Prints codes examined per second.

const CODES = Number(process.env.BENCH_CODES ?? 100_000);
const AT = Date.parse('2027-03-10T13:00:00Z'); // 08:00 America/New_York
const HOUR = 3_600_000;

const reservation = (i: number): Reservation => {
  const activeFrom = AT + Math.floor((i / CODES) * (HEALTHCHECK_WINDOW - HOUR));
  return {
    reservationId: `r${i}`,
    propertyId: `p${i % 500}`,
    hostId: `h${i % 50}`,
    channel: 'direct',
    confirmationCode: `C${i}`,
    guest: { name: `Guest ${i}` },
    checkIn: activeFrom,
    checkOut: activeFrom + 48 * HOUR,
    status: 'accepted',
    version: 1,
    bookedAt: AT - 10 * 24 * HOUR,
    code: {
      pin: String(100_000 + (i % 900_000)),
      name: `Guest ${i}`,
      activeFrom,
      activeUntil: activeFrom + 48 * HOUR,
      locks: [
        {
          lockId: `l${i % 800}`,
          status: i % 10 === 0 ? 'failed' : 'set',
          attemptedAt: [activeFrom - 72 * HOUR],
        },
      ],
    },
    timeline: [],
  };
};

async function inParallel<T>(
  items: readonly T[],
  width: number,
  run: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

const dynamo = await startLocalDynamo();
const store = new DynamoStore(dynamo.client, dynamo.tableName);
const loadStart = performance.now();
// Loaded 25 at a time (BatchWriteItem); unprocessed items are written again.
await inParallel(
  Array.from({ length: Math.ceil(CODES / 25) }, (_, b) => b),
  16,
  async (b) => {
    let requests = Array.from({ length: Math.min(25, CODES - b * 25) }, (_, k) => ({
      PutRequest: { Item: reservationItem(reservation(b * 25 + k)) },
    }));
    while (requests.length > 0) {
      const out = await dynamo.client.send(
        new BatchWriteItemCommand({ RequestItems: { [dynamo.tableName]: requests } }),
      );
      requests = (out.UnprocessedItems?.[dynamo.tableName] ?? []) as typeof requests;
    }
  },
);
const loadSeconds = (performance.now() - loadStart) / 1000;

const shards = Array.from({ length: DUE_SHARDS }, (_, i) => i);
const counts: number[] = [];
const queryStart = performance.now();
await inParallel(shards, 10, async (shard) => {
  counts[shard] = (await store.listDueReservations(shard, AT, AT + HEALTHCHECK_WINDOW)).length;
});
const querySeconds = (performance.now() - queryStart) / 1000;
const examined = counts.reduce((a, b) => a + b, 0);
await dynamo.stop();

if (examined !== CODES) throw new Error(`expected ${CODES} codes, examined ${examined}`);
if (process.env.BENCH_JSON) {
  // For `npm run bench`: one JSON object instead of the lines below.
  const codesPerSecond = Math.round(examined / querySeconds);
  console.log(
    JSON.stringify({ codes: CODES, shards: DUE_SHARDS, loadSeconds, querySeconds, codesPerSecond }),
  );
  process.exit(0);
}
console.log(`loaded ${CODES} due codes in ${loadSeconds.toFixed(1)} s`);
console.log(`examined ${examined} codes across ${DUE_SHARDS} shards in ${querySeconds.toFixed(2)} s`);
console.log(`shard sizes: min ${Math.min(...counts)}, max ${Math.max(...counts)}`);
console.log(`codes examined per second: ${Math.round(examined / querySeconds)}`);
