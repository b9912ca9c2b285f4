import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FUNCTIONS, type FunctionName } from '../lambdas/functions/catalog.ts';

// Bundle sizes as `cdk synth` builds them: synthesized into a gitignored folder inside the repo, so
// each bundle's external `@aws-sdk/*` imports resolve from the repo's node_modules when loaded.

export const REPO_ROOT = path.join(import.meta.dirname, '..');
export const BENCH_OUT = path.join(REPO_ROOT, 'cdk.out.bench');

export interface BuiltFunction {
  name: FunctionName;
  /** The bundle Lambda loads: `index.mjs` in the function's asset folder. */
  file: string;
  bundleKB: number;
  memoryMB: number;
}

interface Template {
  Resources: Record<
    string,
    {
      Type: string;
      Properties?: { Description?: string; MemorySize?: number };
      Metadata?: Record<string, string>;
    }
  >;
}

/** Runs `cdk synth` into cdk.out.bench/ and maps each function's asset to its catalog name. */
export function synthFunctions(): BuiltFunction[] {
  // The functions' bundles do not depend on the deploy values: demo mode takes the placeholders.
  execFileSync('cdk', ['synth', '--quiet', '--output', BENCH_OUT, '-c', 'demo=true'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const template = JSON.parse(
    readFileSync(path.join(BENCH_OUT, 'LockstepApp.template.json'), 'utf8'),
  ) as Template;
  const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  return (Object.keys(FUNCTIONS) as FunctionName[]).map((name) => {
    // The catalog's purpose is the function's description: one match per function.
    const resource = functions.find((r) => r.Properties?.Description === FUNCTIONS[name].purpose);
    const asset = resource?.Metadata?.['aws:asset:path'];
    if (!asset) throw new Error(`no synthesized asset for ${name}`);
    const file = path.join(BENCH_OUT, asset, 'index.mjs');
    return {
      name,
      file,
      bundleKB: Math.round(statSync(file).size / 102.4) / 10,
      memoryMB: resource.Properties?.MemorySize ?? 128,
    };
  });
}
