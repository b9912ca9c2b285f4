import { rmSync } from 'node:fs';
import { BENCH_OUT, synthFunctions } from './bundles.ts';
import { coldStartRows, measureColdStarts } from './init-figures.ts';
import { renderTable } from './table.ts';

// `npm run bench:init`: the cold-start part of `npm run bench` alone (cdk synth, both baselines,
// every function; BENCH_INIT_RUNS fresh processes each, default 10), for iterating on init without
// the simulator. Prints the table and writes nothing; `npm run bench` records the figures.

const runs = Number(process.env.BENCH_INIT_RUNS ?? 10);
rmSync(BENCH_OUT, { recursive: true, force: true });
const cold = await measureColdStarts(synthFunctions(), runs);
console.log(renderTable(coldStartRows(cold)));
console.log(`\n${runs} runs each, Node ${process.version}`);
