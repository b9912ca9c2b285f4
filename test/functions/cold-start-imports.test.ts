import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionName } from '../../lambdas/functions/catalog.ts';
import { LOCKSTEP_BUNDLING } from '../../lib/constructs/lockstep-function.ts';

// Cold starts (issue 17): what a function loads before its first invocation is what its bundle
// imports statically. DynamoDB, which every invocation uses, is the one SDK client loaded at init;
// every other client (Scheduler, Step Functions, SES, SNS, Secrets Manager) is a dynamic import,
// loaded by the first call that needs it. `npm run bench:init` measures what this saves.

const FUNCTIONS_DIR = path.join(import.meta.dirname, '..', '..', 'lambdas', 'functions');
const STATIC_SDK_IMPORT = /(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["'](@aws-sdk\/[\w-]+)["']/g;
const DYNAMIC_SDK_IMPORT = /import\(\s*["'](@aws-sdk\/[\w-]+)["']\s*\)/g;

async function sdkImports(name: FunctionName): Promise<{ atInit: string[]; onDemand: string[] }> {
  const result = await build({
    entryPoints: [path.join(FUNCTIONS_DIR, FUNCTIONS[name].entry)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: LOCKSTEP_BUNDLING.target,
    mainFields: [...LOCKSTEP_BUNDLING.mainFields],
    external: [...LOCKSTEP_BUNDLING.externalModules],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const found = (pattern: RegExp) => [...new Set([...code.matchAll(pattern)].map((m) => m[1] ?? ''))].sort();
  return { atInit: found(STATIC_SDK_IMPORT), onDemand: found(DYNAMIC_SDK_IMPORT) };
}

describe('cold start: the AWS SDK clients a function loads at init', () => {
  it.each(Object.keys(FUNCTIONS) as FunctionName[])(
    '%s loads only DynamoDB at init; every other client on first use',
    async (name) => {
      const { atInit, onDemand } = await sdkImports(name);
      expect(atInit).toEqual(['@aws-sdk/client-dynamodb']);
      expect(onDemand).toEqual(
        expect.arrayContaining([
          '@aws-sdk/client-secrets-manager',
          '@aws-sdk/client-ses',
          '@aws-sdk/client-sns',
        ]),
      );
    },
  );
});
