import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ENV } from '../lambdas/config/env.ts';
import { BENCH_OUT } from './bundles.ts';
import { FUNCTION_ESBUILD_OPTIONS } from './esbuild-options.ts';
import { startSecretsStub } from './secrets-stub.ts';
import { median } from './stats.ts';

// Cold starts: each bundle loaded in a fresh Node process (this Node, the runtime's major), the time
// taken inside the child from process start (performance.timeOrigin) until the module and its
// top-level await (config, clients, any GetSecretValue against a loopback stub) have settled: the part
// of Lambda's Init Duration that the code controls plus Node's own start.

const run = promisify(execFile);

export const BASELINE_METHOD =
  'bench/baseline-handler.ts bundled in the same run with the functions’ esbuild options (LOCKSTEP_BUNDLING)';

/** A baseline handler (bench/<name>.ts), bundled like the functions are (lib/constructs/lockstep-function.ts). */
export async function buildBaseline(name: 'baseline-handler' | 'secret-baseline-handler'): Promise<string> {
  const outfile = path.join(BENCH_OUT, name, 'index.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, `${name}.ts`)],
    outfile,
    ...FUNCTION_ESBUILD_OPTIONS,
  });
  return outfile;
}

// Runs in the child: the import as Lambda's runtime does it, then both clocks.
const CHILD = `
const before = performance.now();
await import(process.argv[1]);
const ready = performance.now();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ initMs: ready, importMs: ready - before, cpuMs: (cpu.user + cpu.system) / 1000 }));
process.exit(0);
`;

export interface InitTimes {
  /** Median ms from the child's start until the handler module is ready. */
  initMs: number;
  /** Median ms of the import alone (module load and top-level await). */
  importMs: number;
  /** Median CPU ms the child used until then: steadier than wall time on a busy machine. */
  cpuMs: number;
}

/** Loads every bundle `runs` times, round-robin so drift on a shared machine spreads evenly. */
export async function measureInit(
  bundles: Record<string, string>,
  runs: number,
): Promise<Record<string, InitTimes>> {
  // One value that fills every secret's key (lambdas/config/secrets.ts): each function reads its own.
  const stub = await startSecretsStub({
    apiKey: 'seam_bench',
    signingSecrets: ['whsec_YmVuY2gtbG9jay1wcm92aWRlci1zZWNyZXQ='],
    signingSecret: 'bench-host-webhook-secret',
  });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: stub.url,
    POWERTOOLS_SERVICE_NAME: 'lockstep',
    ...Object.fromEntries(Object.values(ENV).map((name) => [name, placeholder(name)])),
  };
  const samples: Record<string, { initMs: number[]; importMs: number[]; cpuMs: number[] }> = {};
  try {
    for (let i = 0; i < runs; i++) {
      for (const [name, file] of Object.entries(bundles)) {
        const { stdout } = await run(
          process.execPath,
          ['--input-type=module', '-e', CHILD, pathToFileURL(file).href],
          { env: { ...env, AWS_LAMBDA_FUNCTION_NAME: name } },
        );
        const times = JSON.parse(stdout) as InitTimes;
        samples[name] ??= { initMs: [], importMs: [], cpuMs: [] };
        samples[name].initMs.push(times.initMs);
        samples[name].importMs.push(times.importMs);
        samples[name].cpuMs.push(times.cpuMs);
      }
    }
  } finally {
    await stub.stop();
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      { initMs: median(s.initMs), importMs: median(s.importMs), cpuMs: median(s.cpuMs) },
    ]),
  );
}

function placeholder(name: string): string {
  if (name.endsWith('_ARN')) return `arn:aws:lambda:us-east-1:000000000000:function:${name.toLowerCase()}`;
  if (name.endsWith('_URL')) return 'https://channel-partner.example/lockstep';
  if (name.endsWith('_EMAIL')) return 'codes@example.com';
  return name.toLowerCase();
}
