import type { BuildOptions } from 'esbuild';
import { LOCKSTEP_BUNDLING } from '../lib/constructs/lockstep-function.ts';

/** The functions' CDK bundling options (lib/constructs/lockstep-function.ts) as esbuild's own, for bench builds. */
export const FUNCTION_ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LOCKSTEP_BUNDLING.target,
  mainFields: [...LOCKSTEP_BUNDLING.mainFields],
  minify: LOCKSTEP_BUNDLING.minify,
  treeShaking: true,
  external: [...LOCKSTEP_BUNDLING.externalModules],
  banner: { js: LOCKSTEP_BUNDLING.banner },
  logLevel: 'silent',
} as const satisfies BuildOptions;
