import type { BuiltFunction } from './bundles.ts';
import { buildBaseline, measureInit } from './cold-start.ts';
import { round } from './stats.ts';
import type { Row } from './table.ts';

// Cold-start figures shared by `npm run bench` and `npm run bench:init`: every function's init side
// by side with two baselines measured in the same run, interleaved (bench/cold-start.ts).

/** Issue 17: each function's init at most this many times the one-client-plus-secret baseline's. */
export const SECRET_BASELINE_TARGET = 1.25;

export interface FunctionInit {
  name: string;
  bundleKB: number;
  initMs: number;
  importMs: number;
  baselineInitMs: number;
  /** Against the bare handler (the older figure, kept so runs compare). */
  initRatio: number;
  /** Against bench/secret-baseline-handler.ts: one SDK client and one GetSecretValue. */
  secretBaselineRatio: number;
  /** CPU ms until ready, and its ratio to the secret baseline's: less swayed by other load. */
  initCpuMs: number;
  secretBaselineCpuRatio: number;
}

export interface ColdStarts {
  baselineInitMs: number;
  secretBaselineInitMs: number;
  secretBaselineInitCpuMs: number;
  functions: FunctionInit[];
}

export async function measureColdStarts(built: readonly BuiltFunction[], runs: number): Promise<ColdStarts> {
  const init = await measureInit(
    {
      baseline: await buildBaseline('baseline-handler'),
      secretBaseline: await buildBaseline('secret-baseline-handler'),
      ...Object.fromEntries(built.map((f) => [f.name, f.file])),
    },
    runs,
  );
  const timesOf = (name: string) => {
    const times = init[name];
    if (!times) throw new Error(`no cold start measured for ${name}`);
    return times;
  };
  const baseline = timesOf('baseline').initMs;
  const secretBaseline = timesOf('secretBaseline').initMs;
  const secretBaselineCpu = timesOf('secretBaseline').cpuMs;
  return {
    baselineInitMs: round(baseline),
    secretBaselineInitMs: round(secretBaseline),
    secretBaselineInitCpuMs: round(secretBaselineCpu),
    functions: built.map((f) => {
      const times = timesOf(f.name);
      return {
        name: f.name,
        bundleKB: f.bundleKB,
        initMs: round(times.initMs),
        importMs: round(times.importMs),
        baselineInitMs: round(baseline),
        initRatio: round(times.initMs / baseline, 2),
        secretBaselineRatio: round(times.initMs / secretBaseline, 2),
        initCpuMs: round(times.cpuMs),
        secretBaselineCpuRatio: round(times.cpuMs / secretBaselineCpu, 2),
      };
    }),
  };
}

export function coldStartRows(cold: ColdStarts): Row[] {
  return [
    ...cold.functions.map((f) => ({
      figure: `${f.name} init`,
      value: `${f.initMs} ms (${f.secretBaselineRatio}×), CPU ${f.initCpuMs} ms (${f.secretBaselineCpuRatio}×)`,
      target: `≤ ${SECRET_BASELINE_TARGET}× secret baseline`,
      met: f.secretBaselineRatio <= SECRET_BASELINE_TARGET,
    })),
    { figure: 'baseline init (bare handler)', value: `${cold.baselineInitMs} ms` },
    {
      figure: 'baseline init (GetSecretValue only)',
      value: `${cold.secretBaselineInitMs} ms, CPU ${cold.secretBaselineInitCpuMs} ms (${round(cold.secretBaselineInitMs / cold.baselineInitMs, 2)}× bare)`,
    },
  ];
}
