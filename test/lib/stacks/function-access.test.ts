import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretName } from '../../../lambdas/config/secrets.ts';
import { FUNCTIONS, type FunctionName } from '../../../lambdas/functions/catalog.ts';
import { FUNCTION_ACCESS } from '../../../lib/stacks/function-access.ts';
import { importsOf, resolveImport } from '../../architecture/import-graph.ts';

// Finding 6 of issue 19: each role reads only the secrets its function needs. This keeps the other
// half honest: a function whose code can reach a port that needs a secret is granted that secret,
// so trimming a grant never turns into a failure in production. Reachability is by the import graph
// from the function's entry (its handler and the core), without the shared wiring in aws-deps.ts.

const REPO = path.join(import.meta.dirname, '..', '..', '..');
const aliases = (
  JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { imports: Record<string, string> }
).imports;
const WIRING = 'lambdas/functions/aws-deps.ts';

/** The port each secret is needed by, as the core and the handlers name it on their deps. */
const NEEDED_BY_PORT: Record<string, SecretName> = {
  lockProvider: 'seamApi',
  channelMessenger: 'channelPartner',
  outboundWebhooks: 'hostWebhooks',
};

function reachableCode(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file) || file === WIRING || file.startsWith('lambdas/adapters/')) continue;
    seen.add(file);
    const text = readFileSync(path.join(REPO, file), 'utf8');
    for (const ref of importsOf({ path: file, text })) {
      const target = resolveImport(file, ref.specifier, aliases);
      if (!ref.typeOnly && target.kind === 'file' && target.path.startsWith('lambdas/'))
        todo.push(target.path);
    }
  }
  return [...seen];
}

function secretsReachedFrom(name: FunctionName): SecretName[] {
  const entry = `lambdas/functions/${FUNCTIONS[name].entry}`;
  const needed = new Set<SecretName>();
  for (const file of reachableCode(entry)) {
    const text = readFileSync(path.join(REPO, file), 'utf8');
    for (const [port, secret] of Object.entries(NEEDED_BY_PORT))
      if (new RegExp(`\\b${port}\\b`).test(text)) needed.add(secret);
    // The entry's own reads, e.g. a webhook's signing secrets.
    for (const read of text.matchAll(/secrets\.(?:text|list)\('(\w+)'\)/g)) needed.add(read[1] as SecretName);
  }
  return [...needed].sort();
}

describe('the secrets each role may read', () => {
  it.each(Object.keys(FUNCTIONS) as FunctionName[])(
    '%s is granted exactly the secrets its code can reach',
    (name) => {
      expect([...FUNCTION_ACCESS[name].readsSecrets].sort()).toEqual(secretsReachedFrom(name));
    },
  );
});
