import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AwsCalls } from '#local/aws-calls.ts';
import { costPerReservation } from '#local/aws-cost.ts';
import { PRICES } from '#local/aws-prices.ts';
import { BENCH_OUT, synthFunctions } from './bundles.ts';
import { runJsonScript } from './children.ts';
import { BASELINE_METHOD } from './cold-start.ts';
import { coldStartRows, measureColdStarts, SECRET_BASELINE_TARGET } from './init-figures.ts';
import { round } from './stats.ts';
import { type Row, renderTable } from './table.ts';

// `npm run bench`: bundle sizes, cold starts, warm latency, cost per reservation, simulator and
// healthcheck throughput. Prints one table and writes bench/results.json. Figures only: nothing here
// asserts a time. Sizes: BENCH_RESERVATIONS (default 10,000), BENCH_CODES (default 20,000),
// BENCH_INIT_RUNS (default 10), BENCH_CALLS (default 1,000). docs/performance.md explains each figure.

const RESERVATIONS = process.env.BENCH_RESERVATIONS ?? '10000';
const CODES = process.env.BENCH_CODES ?? '20000';
const INIT_RUNS = Number(process.env.BENCH_INIT_RUNS ?? 10);
const CALLS = process.env.BENCH_CALLS ?? '1000';
const TARGETS = { bundleKB: 400, edgeBundleKB: 250, infraUsd: 0.0002 };
const EDGE_FUNCTIONS = new Set(['channelWebhook', 'lockWebhook', 'hostApi']);

const startedAt = performance.now();
const step = (what: string) =>
  process.stderr.write(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0)} s] ${what}\n`);

step('cdk synth');
rmSync(BENCH_OUT, { recursive: true, force: true });
const built = synthFunctions();

step(`cold starts (${INIT_RUNS} runs each)`);
const cold = await measureColdStarts(built, INIT_RUNS);

step(`warm latency (${CALLS} calls per route)`);
interface Latency {
  calls: number;
  webhook: { p50Ms: number; p99Ms: number; dynamoCallsPerCall: number };
  accessView: { p50Ms: number; p99Ms: number };
}
const latency = await runJsonScript<Latency>('latency.ts', {
  BENCH_CALLS: CALLS,
  POWERTOOLS_LOG_LEVEL: 'SILENT',
});

step(`simulator (${RESERVATIONS} reservations)`);
interface Sim {
  reservations: number;
  scenario: object;
  wallSeconds: number;
  cpuSeconds: number;
  reservationsPerSecond: number;
  peakRssMB: number;
  awsCalls: AwsCalls;
  dynamodbCallsPerReservation: number;
  dynamodbCallsByFunction: Record<string, number>;
}
const sim = await runJsonScript<Sim>('sim.ts', {
  BENCH_RESERVATIONS: RESERVATIONS,
  POWERTOOLS_LOG_LEVEL: 'SILENT',
});

step(`healthcheck queries (${CODES} codes)`);
const healthcheck = await runJsonScript<{ codes: number; shards: number; codesPerSecond: number }>(
  'healthcheck.ts',
  { BENCH_CODES: CODES, BENCH_JSON: '1' },
);

const memoryMB = Math.max(...built.map((f) => f.memoryMB));
const cost = costPerReservation(sim.awsCalls, sim.reservations, {
  msPerInvocation: latency.webhook.p50Ms,
  memoryMB,
});

const functions = cold.functions;

const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  wallSeconds: round((performance.now() - startedAt) / 1000),
  functions,
  secretBaselineInitMs: cold.secretBaselineInitMs,
  functionsMethod:
    'bundleKB: index.mjs of each function asset from `cdk synth --output cdk.out.bench` (esbuild, ESM, ' +
    'minified, tree-shaken, no source maps, @aws-sdk/* external). initMs: median over ' +
    `${INIT_RUNS} fresh Node processes of performance.now() inside the child once the bundle's import ` +
    "(and its top-level await: config, DynamoDB client, the webhook functions' GetSecretValue against a " +
    'loopback stub) settled, i.e. Node start plus module init; importMs is the import alone. baselineInitMs: ' +
    `${BASELINE_METHOD}, measured the same way, interleaved. secretBaselineInitMs: ` +
    'bench/secret-baseline-handler.ts (Secrets Manager client and one GetSecretValue, nothing else), the ' +
    `floor for a function that reads its secret at init; secretBaselineRatio is initMs over it (target ≤ ${SECRET_BASELINE_TARGET}).`,
  latency: {
    webhookP50Ms: latency.webhook.p50Ms,
    webhookP99Ms: latency.webhook.p99Ms,
    accessViewP50Ms: latency.accessView.p50Ms,
    accessViewP99Ms: latency.accessView.p99Ms,
    dynamoCallsPerWebhook: latency.webhook.dynamoCallsPerCall,
    calls: latency.calls,
    method:
      'In-process LocalRuntime (same middy-wrapped handlers as the Lambdas) against dynalite on loopback, ' +
      'after 50 warm-up calls: signed reservation.accepted deliveries of new reservations to ' +
      'POST /webhooks/channel, then GET /v1/reservations/{id} (JWT verified as API Gateway would). ' +
      'Nearest-rank percentiles. dynalite answers in ~2-3 ms a call; DynamoDB in a region differs.',
  },
  cost: {
    ...cost,
    prices: PRICES,
    method:
      `Simulator awsCalls for a generated ${sim.reservations}-reservation scenario (bench/sim.ts) priced ` +
      'with local/aws-prices.ts, divided by reservations. DynamoDB: capacity units the in-memory store computes ' +
      "from item sizes by DynamoDB's billing rules (index writes and refused conditional writes included; " +
      'docs/decisions.md). Step Functions: states entered plus retries in the local engine. ' +
      `Lambda duration: an estimate, invocations × warm webhook p50 (${latency.webhook.p50Ms} ms) × ` +
      `${memoryMB} MB. Scheduler: every create/delete call priced as one invocation (upper bound). ` +
      'Infra excludes SES and SNS; the scenario includes the daily healthcheck, whose fixed daily cost weighs ' +
      'more per reservation in a small scenario.',
  },
  sim: {
    reservationsPerSecond: sim.reservationsPerSecond,
    peakRssMB: sim.peakRssMB,
    wallSeconds: sim.wallSeconds,
    cpuSeconds: sim.cpuSeconds,
    scenario: sim.scenario,
    awsCalls: sim.awsCalls,
    dynamodbCallsPerReservation: sim.dynamodbCallsPerReservation,
    dynamodbCallsByFunction: sim.dynamodbCallsByFunction,
    method:
      'bench/sim.ts in a child process: generateScenario at 10,000-reservation density (500 properties, 800 ' +
      'locks per 10,000) over 60 days, simulate() in virtual time on the in-memory store; RSS sampled every ' +
      "250 ms and on progress; cpuSeconds is the process's user plus system time (on a shared machine wall " +
      'time also waits for a CPU). dynamodbCallsByFunction: calls per reservation by the function making them.',
  },
  healthcheck: {
    codesPerSecond: healthcheck.codesPerSecond,
    codes: healthcheck.codes,
    shards: healthcheck.shards,
    method:
      'bench/healthcheck.ts in a child process: due codes loaded into dynalite, then one Query stream per ' +
      'byDue shard, 10 shards at a time; codes examined per second of query time.',
  },
};
writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const usd = (n: number) => `$${n.toFixed(7)}`;
const rows: Row[] = [
  ...functions.map((f) => {
    const limit = EDGE_FUNCTIONS.has(f.name) ? TARGETS.edgeBundleKB : TARGETS.bundleKB;
    return {
      figure: `${f.name} bundle`,
      value: `${f.bundleKB} KB`,
      target: `< ${limit} KB`,
      met: f.bundleKB < limit,
    };
  }),
  ...coldStartRows(cold),
  { figure: 'channel webhook p50 / p99', value: `${latency.webhook.p50Ms} / ${latency.webhook.p99Ms} ms` },
  { figure: 'access view p50 / p99', value: `${latency.accessView.p50Ms} / ${latency.accessView.p99Ms} ms` },
  ...Object.entries(cost.byService).map(([service, v]) => ({
    figure: `cost ${service} / reservation`,
    value: usd(v),
  })),
  {
    figure: 'infra / reservation',
    value: usd(cost.infraUsdPerReservation),
    target: `< ${usd(TARGETS.infraUsd)}`,
    met: cost.infraUsdPerReservation < TARGETS.infraUsd,
  },
  { figure: 'total / reservation (SMS, email)', value: usd(cost.totalUsdPerReservation) },
  { figure: 'total / reservation without SMS', value: usd(cost.totalWithoutSmsUsdPerReservation) },
  {
    figure: 'per million reservations',
    value: `infra $${cost.perMillionReservations.infra.toFixed(0)}, total $${cost.perMillionReservations.total.toFixed(0)}, without SMS $${cost.perMillionReservations.totalWithoutSms.toFixed(0)}`,
  },
  {
    figure: 'simulator',
    value: `${sim.wallSeconds} s wall (${sim.cpuSeconds} s CPU), peak RSS ${sim.peakRssMB} MB (${sim.reservations} reservations)`,
    target: '≤ 60 s, ≤ 1024 MB',
    met: sim.wallSeconds <= 60 && sim.peakRssMB <= 1024,
  },
  {
    figure: 'healthcheck queries',
    value: `${healthcheck.codesPerSecond} codes/s (${healthcheck.codes} codes)`,
  },
];
console.log(renderTable(rows));
console.log(`\nbench/results.json written; ${results.wallSeconds} s, Node ${process.version}`);
