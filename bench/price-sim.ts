import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCKSTEP_MEMORY_MB } from '#lib/constructs/lockstep-function.ts';
import type { AwsCalls } from '#local/aws-calls.ts';
import { costPerReservation } from './cost.ts';

// Prices a `npm run bench:sim` result read from stdin, for scenarios too long for `npm run bench`:
//   BENCH_RESERVATIONS=10000 npm run -s bench:sim | node bench/price-sim.ts
// Lambda duration uses the warm webhook p50 of the last `npm run bench` (bench/results.json).

const sim = JSON.parse(readFileSync(0, 'utf8')) as { reservations: number; awsCalls: AwsCalls };
const results = JSON.parse(readFileSync(path.join(import.meta.dirname, 'results.json'), 'utf8')) as {
  latency: { webhookP50Ms: number };
};
const cost = costPerReservation(sim.awsCalls, sim.reservations, {
  msPerInvocation: results.latency.webhookP50Ms,
  memoryMB: LOCKSTEP_MEMORY_MB,
});
console.log(JSON.stringify({ reservations: sim.reservations, ...cost }, null, 2));
