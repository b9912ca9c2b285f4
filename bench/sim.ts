import { generateScenario } from '../simulator/generate.ts';
import { simulate } from '../simulator/simulate.ts';

// `npm run bench:sim`: 10,000 reservations over 60 days across 500 properties and 800 locks,
// replayed in virtual time. Prints reservations simulated per second and peak memory.
// BENCH_RESERVATIONS scales the scenario at the same density (properties and locks in proportion);
// BENCH_STORE=dynalite runs it on dynalite instead of the in-memory store.

const RESERVATIONS = Number(process.env.BENCH_RESERVATIONS ?? 10_000);
const scale = RESERVATIONS / 10_000;
const size = {
  reservations: RESERVATIONS,
  properties: Math.max(1, Math.round(500 * scale)),
  locks: Math.max(2, Math.round(800 * scale)),
  days: 60,
  seed: 2026,
};
const scenario = generateScenario(size);

let peakRss = process.memoryUsage.rss();
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 250);
const startedAt = performance.now();
const cpuAtStart = process.cpuUsage();
let callsByFunction: Readonly<Record<string, number>> = {};
let lastPercent = -1;
let sampledAt = 0;
const store = process.env.BENCH_STORE === 'dynalite' ? 'dynalite' : 'memory';
const report = await simulate(scenario, {
  store,
  onProgress: (fraction) => {
    // Between the interval's samples, at most one every 50 ms: reading RSS is a system call.
    if (performance.now() - sampledAt > 50) {
      sampledAt = performance.now();
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }
    const percent = Math.floor(fraction * 10) * 10;
    if (percent !== lastPercent) {
      lastPercent = percent;
      process.stderr.write(`${percent}% (${((performance.now() - startedAt) / 1000).toFixed(0)} s)\n`);
    }
  },
  onFinished: (runtime) => {
    callsByFunction = runtime.dynamodbCallsByFunction;
  },
});
const cpu = process.cpuUsage(cpuAtStart);
const seconds = (performance.now() - startedAt) / 1000;
clearInterval(sample);

console.log(
  JSON.stringify(
    {
      reservations: report.kpis.reservations,
      scenario: size,
      store,
      wallSeconds: Number(seconds.toFixed(1)),
      reservationsPerSecond: Number((report.kpis.reservations / seconds).toFixed(1)),
      peakRssMB: Math.round(peakRss / 2 ** 20),
      // On a shared machine wall time waits for the CPU too: the process's own CPU time says what it used.
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      workingCodeAtActiveFromRate: report.kpis.workingCodeAtActiveFromRate,
      awsCalls: report.kpis.awsCalls,
      dynamodbCallsPerReservation: Number(
        (report.kpis.awsCalls.dynamodb / report.kpis.reservations).toFixed(1),
      ),
      // Per function, per reservation: where a lifecycle's DynamoDB calls go (`simulator`: probes, set-up).
      dynamodbCallsByFunction: Object.fromEntries(
        Object.entries(callsByFunction)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, calls]) => [name, Number((calls / report.kpis.reservations).toFixed(2))]),
      ),
      node: process.version,
    },
    null,
    2,
  ),
);
