import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS, type FunctionName } from '../lambdas/functions/catalog.ts';
import { FUNCTION_ESBUILD_OPTIONS } from './esbuild-options.ts';
import { type Row, renderTable } from './table.ts';

// `node bench/seam-sdk.ts <dir>`: what Seam's official SDK (`seam`, i.e. `@seamapi/http` and
// `@seamapi/webhook`) or the `svix` verifier would add to each function's bundle, built with the
// functions' own esbuild options. The packages are not dependencies of Lockstep: install them in a
// scratch folder and pass its path (docs/decisions.md, "Seam's SDK and the svix verifier"):
//   mkdir /tmp/seam-sdk && cd /tmp/seam-sdk && npm init -y && npm i --ignore-scripts seam@1.245.0 svix@2.5.0

const [, , SCRATCH = ''] = process.argv;
if (!SCRATCH) throw new Error('usage: node bench/seam-sdk.ts <folder with seam and svix installed>');
const REPO = path.join(import.meta.dirname, '..');
const BUDGET_KB = { edge: 250, other: 400 };
const EDGE = new Set<FunctionName>(['channelWebhook', 'lockWebhook', 'hostApi']);

/** Minified bytes of a module made of `source`, resolved from the repo, then from the scratch folder. */
async function bundledKB(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: REPO, sourcefile: 'measure.ts', loader: 'ts' },
    nodePaths: [path.join(SCRATCH, 'node_modules')],
    write: false,
    ...FUNCTION_ESBUILD_OPTIONS,
  });
  const bytes = result.outputFiles.reduce((sum, f) => sum + f.contents.byteLength, 0);
  return Math.round(bytes / 102.4) / 10;
}

// Each candidate is kept alive by an export, so tree-shaking cannot drop it.
const CANDIDATES = {
  'seam SDK client (@seamapi/http SeamHttp)': "export { SeamHttp } from '@seamapi/http';",
  'svix verifier (svix Webhook)': "export { Webhook } from 'svix';",
  'seam webhook verifier (@seamapi/webhook)': "export { SeamWebhook } from '@seamapi/webhook';",
};
const OURS =
  "export { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';\n" +
  "export { verifySeamWebhook } from '#adapters/http/seam-webhook.ts';";

const rows: Row[] = [
  {
    figure: 'hand-written Seam adapter + Svix check, alone (zod included)',
    value: `${await bundledKB(OURS)} KB`,
  },
];
for (const [name, source] of Object.entries(CANDIDATES)) {
  rows.push({ figure: `${name}, alone`, value: `${await bundledKB(source)} KB` });
}
for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
  const entry = `import './lambdas/functions/${FUNCTIONS[fn].entry}';`;
  const base = await bundledKB(entry);
  const withSdk = await bundledKB(`${entry}\n${CANDIDATES['seam SDK client (@seamapi/http SeamHttp)']}`);
  const withSvix = await bundledKB(`${entry}\n${CANDIDATES['svix verifier (svix Webhook)']}`);
  const budget = EDGE.has(fn) ? BUDGET_KB.edge : BUDGET_KB.other;
  rows.push({
    figure: `${fn} bundle: as built / + seam SDK / + svix`,
    value: `${base} / ${withSdk} / ${withSvix} KB`,
    target: `< ${budget} KB with the SDK`,
    met: withSdk < budget,
  });
}
process.stdout.write(`${renderTable(rows)}\n`);
