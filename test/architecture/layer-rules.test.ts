import { describe, expect, it } from 'vitest';
import { describeViolation, layerViolations } from './layer-rules.ts';

// The checker itself, on small in-memory repositories: it must fail on a wrong import, or the
// layers test passing would prove nothing.

const ALIASES = {
  '#core/*': './lambdas/core/*',
  '#ports/*': './lambdas/ports/*',
  '#adapters/*': './lambdas/adapters/*',
  '#handlers/*': './lambdas/handlers/*',
  '#config/*': './lambdas/config/*',
  '#local/*': './local/*',
  '#lib/*': './lib/*',
};

/** Files that follow every rule, each layer importing what it may. */
const CLEAN = [
  {
    path: 'lambdas/core/model.ts',
    text: "import { createHash } from 'node:crypto';\nexport type Instant = number;",
  },
  { path: 'lambdas/core/calendars/parse.ts', text: "import ICAL from 'ical.js';" },
  {
    path: 'lambdas/core/deps.ts',
    text: "import type { Clock } from '#ports/clock.ts';\nimport './model.ts';",
  },
  { path: 'lambdas/ports/clock.ts', text: "import type { Instant } from '#core/model.ts';" },
  { path: 'lambdas/adapters/aws/table.ts', text: "import { DUE_SHARDS } from '#config/table-layout.ts';" },
  {
    path: 'lambdas/adapters/aws/store.ts',
    text: "import { table } from './table.ts';\nimport '@aws-sdk/client-dynamodb';\nimport '../common/keys.ts';",
  },
  { path: 'lambdas/adapters/common/keys.ts', text: "import type { Instant } from '#core/model.ts';" },
  {
    path: 'lambdas/handlers/http/route.ts',
    text: "import type { Deps } from '#core/deps.ts';\nimport '../logger.ts';",
  },
  { path: 'lambdas/functions/catalog.ts', text: "import type { EntryKind } from '#core/model.ts';" },
  {
    path: 'lambdas/functions/host-api.ts',
    text: "import '#adapters/aws/store.ts';\nimport '#handlers/http/route.ts';",
  },
  { path: 'lib/stacks/app.ts', text: "import '../../lambdas/functions/catalog.ts';\nimport 'aws-cdk-lib';" },
  { path: 'local/runtime.ts', text: "import '#adapters/aws/store.ts';\nimport '#lib/stacks/app.ts';" },
  { path: 'simulator/world.ts', text: "import '#local/runtime.ts';\nimport '#core/model.ts';" },
  {
    path: 'web/src/api.ts',
    text: "import type { Deps } from '#core/deps.ts';\nimport { h } from './dom.ts';",
  },
  { path: 'web/src/dom.ts', text: 'export const h = 1;' },
  { path: 'web/tools/build.ts', text: "import 'esbuild';\nimport '#local/runtime.ts';" },
];

const violationsWith = (path: string, text: string) =>
  layerViolations([...CLEAN, { path, text }], ALIASES).map(describeViolation);

describe('the layer checker', () => {
  it('passes files that follow the rules', () => {
    expect(layerViolations(CLEAN, ALIASES)).toEqual([]);
  });

  it('names the file, the line and the import of a handler that imports an adapter', () => {
    const text =
      "import type { Deps } from '#core/deps.ts';\nimport { verify } from '#adapters/http/seam.ts';";
    expect(violationsWith('lambdas/handlers/http/lock.ts', text)).toEqual([
      'lambdas/handlers/http/lock.ts:2 #adapters/http/seam.ts: handlers import only core, ports, handlers and config; adapters reach them through deps',
    ]);
  });

  it.each([
    ['lambdas/core/a.ts', "import { isChannel } from '#ports/channel.ts';", 'ports for their types'],
    ['lambdas/core/a.ts', "import { Logger } from '@aws-lambda-powertools/logger';", 'no packages'],
    [
      'lambdas/core/a.ts',
      "export { x } from '../../lambdas/handlers/http/route.ts';",
      'core imports only core',
    ],
    ['lambdas/core/a.ts', 'export const at = () => Date.now();', 'reads no clock'],
    ['lambdas/core/a.ts', 'export const today = new Date();', 'reads no clock'],
    ['lambdas/core/a.ts', 'export const pick = Math.random;', 'reads no clock, randomness'],
    ['lambdas/core/a.ts', 'export const table = process.env.TABLE;', 'or environment'],
    [
      'lambdas/ports/a.ts',
      "import type { X } from '#adapters/aws/table.ts';",
      'ports import only core and ports',
    ],
    [
      'lambdas/adapters/local/a.ts',
      "import { sign } from '#adapters/http/seam.ts';",
      'no other kind of adapter',
    ],
    [
      'lambdas/adapters/http/a.ts',
      "import { route } from '#handlers/http/route.ts';",
      'adapters import only',
    ],
    [
      'lambdas/adapters/common/a.ts',
      "import { MemoryStore } from '#adapters/memory/memory-store.ts';",
      'no other kind of adapter',
    ],
    ['lambdas/handlers/a.ts', "const m = await import('#adapters/aws/store.ts');", 'handlers import only'],
    ['lambdas/handlers/a.ts', "import { App } from 'aws-cdk-lib';", 'never imports the CDK'],
    [
      'lambdas/functions/a.ts',
      "import { LocalRuntime } from '../../local/runtime.ts';",
      'only code under lambdas/',
    ],
    ['lambdas/functions/catalog.ts', "import { ENTRY_KINDS } from '#core/model.ts';", 'core for types'],
    ['lib/stacks/a.ts', "import { DUE_SHARDS } from '#adapters/aws/table.ts';", 'lib imports only lib'],
    [
      'lib/stacks/a.ts',
      "import { hostApi } from '../../lambdas/functions/host-api.ts';",
      'lib imports only lib',
    ],
    ['local/a.ts', "import { simulate } from '../simulator/world.ts';", 'local imports only'],
    ['web/src/a.ts', "import { accessView } from '#handlers/http/a.ts';", 'lambdas/ for the API’s types'],
    ['web/src/a.ts', "import { LocalRuntime } from '#local/runtime.ts';", 'the dashboard imports only'],
    ['web/src/a.ts', "import { html } from 'lit';", 'imports no packages'],
    ['web/tools/a.ts', "import { h } from '../src/dom.ts';", 'web/tools imports only'],
    ['lambdas/handlers/a.ts', "import { x } from '#functions/catalog.ts';", 'no such alias'],
    ['lambdas/handlers/a.ts', 'const m = await import(name);', 'computed specifier'],
  ])('refuses %s importing: %s', (path, text, rule) => {
    const violations = violationsWith(path, text);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(rule);
  });

  it('ignores imports and clock reads that are only mentioned in comments and strings', () => {
    const text =
      "// import '#adapters/aws/store.ts'; Date.now()\nexport const hint = \"new Date() or import('x')\";";
    expect(violationsWith('lambdas/core/a.ts', text)).toEqual([]);
  });
});
