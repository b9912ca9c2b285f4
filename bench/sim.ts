import { generateScenario } from '../simulator/generate.ts';
import { simulate } from '../simulator/simulate.ts';

// `npm run bench:sim`: 10,000 reservations over 60 days across 500 properties and 800 locks,
// replayed in virtual time. Prints reservations simulated per second and peak memory.
// BENCH_RESERVATIONS scales the scenario at the same density (properties and locks in proportion).

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
let lastPercent = -1;
let sampledAt = 0;
const report = await simulate(scenario, {
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
});
const seconds = (performance.now() - startedAt) / 1000;
clearInterval(sample);

console.log(
  JSON.stringify(
    {
      reservations: report.kpis.reservations,
      scenario: size,
      wallSeconds: Number(seconds.toFixed(1)),
      reservationsPerSecond: Number((report.kpis.reservations / seconds).toFixed(1)),
      peakRssMB: Math.round(peakRss / 2 ** 20),
      workingCodeAtActiveFromRate: report.kpis.workingCodeAtActiveFromRate,
      awsCalls: report.kpis.awsCalls,
      node: process.version,
    },
    null,
    2,
  ),
);
