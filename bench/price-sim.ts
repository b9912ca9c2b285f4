import { readFileSync } from 'node:fs';
import type { AwsCalls } from '#local/aws-calls.ts';
import { benchedLambdaDuration, costPerReservation } from '#local/aws-cost.ts';

// Prices a `npm run bench:sim` result read from stdin, for scenarios too long for `npm run bench`:
//   BENCH_RESERVATIONS=10000 npm run -s bench:sim | node bench/price-sim.ts
// Lambda duration uses the warm webhook p50 of the last `npm run bench` (bench/results.json).

const sim = JSON.parse(readFileSync(0, 'utf8')) as { reservations: number; awsCalls: AwsCalls };
const cost = costPerReservation(sim.awsCalls, sim.reservations, benchedLambdaDuration());
console.log(JSON.stringify({ reservations: sim.reservations, ...cost }, null, 2));
