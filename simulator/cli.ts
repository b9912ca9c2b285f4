import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchedLambdaDuration, costPerReservation } from '#local/aws-cost.ts';
import { generateScenario } from './generate.ts';
import { chartLibrarySource } from './html/chart-library.ts';
import { reportPage } from './html/report-page.ts';
import { progressBar } from './progress.ts';
import { InvalidScenarioError, parseScenario } from './scenario.ts';
import { simulate } from './simulate.ts';
import { kpiTable } from './summary.ts';

// npm run simulate -- SCENARIO.json [--report REPORT.json] [--html REPORT.html] [--store memory|dynalite]
// npm run simulate -- --generate N [--properties P] [--locks L] [--days D] [--seed S] [--out FILE]

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    report: { type: 'string' },
    html: { type: 'string' },
    generate: { type: 'string' },
    properties: { type: 'string' },
    locks: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    store: { type: 'string' },
  },
});

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

if (values.generate !== undefined) {
  const count = (name: string, text: string | undefined, fallback: number) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(n) || n < 1) fail(`--${name}: must be a positive whole number`);
    return n;
  };
  const reservations = count('generate', values.generate, 0);
  const scenario = generateScenario({
    reservations,
    properties: count('properties', values.properties, Math.max(1, Math.ceil(reservations / 20))),
    locks: count('locks', values.locks, Math.max(1, Math.ceil(reservations / 12))),
    days: count('days', values.days, 60),
    seed: count('seed', values.seed, 1),
  });
  const text = `${JSON.stringify(scenario, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  process.exit(0);
}

const file =
  positionals[0] ??
  fail(
    'usage: npm run simulate -- SCENARIO.json [--report REPORT.json] [--html REPORT.html] [--store memory|dynalite]',
  );
const STORES = ['memory', 'dynalite'] as const;
const store = STORES.find((kind) => kind === (values.store ?? 'memory'));
if (store === undefined) fail('--store: must be memory or dynalite');
let document: unknown;
try {
  document = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(`${file}: cannot read a JSON scenario (${(error as Error).message})`);
}
let scenario: ReturnType<typeof parseScenario>;
try {
  scenario = parseScenario(document);
} catch (error) {
  if (error instanceof InvalidScenarioError) fail(`invalid scenario: ${error.message}`);
  throw error;
}

const bar = process.stderr.isTTY ? progressBar(process.stderr) : undefined;
const report = await simulate(scenario, { onProgress: bar?.update, store });
bar?.done();
const reportPath = values.report ?? join('reports', `${basename(file, '.json')}.report.json`);
mkdirSync(dirname(reportPath), { recursive: true });
writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
console.log(kpiTable(report));
console.log(`\nreport: ${reportPath}`);
if (values.html !== undefined) {
  const page = reportPage({
    report,
    outages: scenario.locks.flatMap((lock) => lock.offline.map((o) => ({ lockId: lock.id, ...o }))),
    cost: costPerReservation(
      report.kpis.awsCalls,
      Math.max(1, report.kpis.reservations),
      benchedLambdaDuration(),
    ),
    title: basename(file, '.json'),
    chartLibrary: chartLibrarySource(),
  });
  mkdirSync(dirname(values.html), { recursive: true });
  writeFileSync(values.html, page);
  console.log(`page:   ${values.html}`);
}
