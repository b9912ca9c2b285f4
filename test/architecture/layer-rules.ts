import {
  ambientReadsOf,
  type ImportRef,
  importsOf,
  resolveImport,
  type SourceText,
  type SubpathAliases,
} from './import-graph.ts';

// The layer rules: dependencies point inward. A rule answers, for one import, why it is refused, or
// undefined when it is allowed.

/** The folders whose files the rules govern (test/ and bench/ may import anything). */
export const GOVERNED_ROOTS = ['lambdas', 'lib', 'bin', 'local', 'simulator', 'web'] as const;

type Layer =
  | 'core'
  | 'ports'
  | `adapters/${string}`
  | 'handlers'
  | 'config'
  | 'catalog'
  | 'functions'
  | 'lib'
  | 'bin'
  | 'local'
  | 'simulator'
  | 'web'
  | 'web-tools'
  | 'outside';

/** The layer of a repository path; `lambdas/functions/catalog*` is lib's window into the functions. */
export function layerOf(file: string): Layer {
  const [root, folder, kind] = file.split('/');
  // web/tools/ runs on Node (build, screenshots); the rest of web/ runs in the host's browser.
  if (root === 'web') return folder === 'tools' ? 'web-tools' : 'web';
  if (root !== 'lambdas')
    return (GOVERNED_ROOTS as readonly string[]).includes(root ?? '') ? (root as Layer) : 'outside';
  if (folder === 'adapters') return `adapters/${kind}`;
  if (folder === 'functions' && kind?.startsWith('catalog')) return 'catalog';
  if (folder === 'core' || folder === 'ports' || folder === 'handlers' || folder === 'config') return folder;
  return folder === 'functions' ? 'functions' : 'outside';
}

// Bundled into a Lambda, these would drag the CDK into it.
const CDK_PACKAGES = ['aws-cdk-lib', 'constructs', 'cdk-nag'];
const LAMBDA_LAYERS = ['core', 'ports', 'handlers', 'config', 'catalog', 'functions'];
const isLambdaLayer = (layer: Layer) => LAMBDA_LAYERS.includes(layer) || layer.startsWith('adapters/');

interface Import {
  ref: ImportRef;
  target: ReturnType<typeof resolveImport>;
  /** The target file's layer, for a file in the repository. */
  layer?: Layer;
}

type Rule = (from: Layer, to: Import) => string | undefined;

const only =
  (allowed: (layer: Layer, to: Import, from: Layer) => boolean, what: string): Rule =>
  (from, to) =>
    to.layer === undefined || allowed(to.layer, to, from) ? undefined : what;

const noPackages =
  (what: string, allowed: readonly string[] = []): Rule =>
  (_, to) =>
    to.target.kind === 'package' && !allowed.includes(to.target.name) ? what : undefined;

// Pure libraries the core may use: no I/O, no clock, no environment (ical.js parses RFC 5545 text).
const PURE_PACKAGES = ['ical.js'];

const noCdk: Rule = (_, to) =>
  to.target.kind === 'package' && CDK_PACKAGES.includes(to.target.name)
    ? 'code under lambdas/ never imports the CDK'
    : undefined;

const RULES: Record<string, Rule[]> = {
  core: [
    only(
      (layer, to) => layer === 'core' || (layer === 'ports' && to.ref.typeOnly),
      'core imports only core, and ports for their types (`import type`)',
    ),
    noPackages(
      'core imports no packages (AWS SDK, middy, Powertools, CDK…), only node builtins and pure parsers',
      PURE_PACKAGES,
    ),
  ],
  ports: [
    only((layer) => layer === 'core' || layer === 'ports', 'ports import only core and ports'),
    noPackages('ports import no packages'),
  ],
  adapters: [
    only(
      (layer) => ['core', 'ports', 'config'].includes(layer) || layer.startsWith('adapters/'),
      'adapters import only core, ports, config and adapters of their own kind',
    ),
    only(
      (layer, _, from) => !layer.startsWith('adapters/') || layer === from || layer === 'adapters/common',
      'adapters import no other kind of adapter: what two kinds share belongs in adapters/common or the core',
    ),
    noCdk,
  ],
  handlers: [
    only(
      (layer) => ['core', 'ports', 'handlers', 'config'].includes(layer),
      'handlers import only core, ports, handlers and config; adapters reach them through deps',
    ),
    noCdk,
  ],
  config: [
    only((layer) => layer === 'config', 'config imports only config'),
    noPackages('config imports no packages'),
  ],
  catalog: [
    only(
      (layer, to) => layer === 'catalog' || layer === 'config' || (layer === 'core' && to.ref.typeOnly),
      'the catalog (read by lib/) imports only config, and the core for types (`import type`)',
    ),
    noPackages('the catalog imports no packages'),
  ],
  functions: [only(isLambdaLayer, 'functions import only code under lambdas/'), noCdk],
  lib: [
    only(
      (layer) => ['lib', 'catalog', 'config'].includes(layer),
      'lib imports only lib, lambdas/functions/catalog* and lambdas/config',
    ),
  ],
  bin: [only((layer) => layer === 'lib' || layer === 'bin', 'bin imports only lib')],
  local: [
    only(
      (layer) => isLambdaLayer(layer) || layer === 'lib' || layer === 'local',
      'local imports only lambdas/, lib/ (to synthesize the workflows) and local',
    ),
  ],
  simulator: [
    only(
      (layer) => ['core', 'ports', 'local', 'simulator'].includes(layer),
      'simulator imports only core, ports, local and simulator',
    ),
  ],
  web: [
    only(
      (layer, to) => layer === 'web' || (isLambdaLayer(layer) && to.ref.typeOnly),
      'the dashboard imports only web/, and lambdas/ for the API’s types (`import type`): it runs in the browser',
    ),
    noPackages('the dashboard imports no packages: its bundle stays small'),
  ],
  'web-tools': [
    only(
      (layer) => isLambdaLayer(layer) || ['local', 'web-tools'].includes(layer),
      'web/tools imports only lambdas/, local/ and web/tools',
    ),
  ],
};

const UNCHECKABLE = {
  'unknown-alias': 'no such alias in package.json `imports`',
  computed: 'an import() of a computed specifier cannot be checked',
};

export interface Violation {
  file: string;
  line: number;
  /** The import specifier, or the ambient read (`Date.now`) for the core's purity rule. */
  found: string;
  rule: string;
}

function rulesFor(layer: Layer): Rule[] {
  return RULES[layer.startsWith('adapters/') ? 'adapters' : layer] ?? [];
}

/** Every import against the direction, and every clock, randomness or environment read in the core. */
export function layerViolations(files: readonly SourceText[], aliases: SubpathAliases): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    for (const ref of importsOf(file)) {
      const target = resolveImport(file.path, ref.specifier, aliases);
      const to: Import = { ref, target, ...(target.kind === 'file' && { layer: layerOf(target.path) }) };
      const refusals =
        target.kind === 'unknown-alias' || target.kind === 'computed'
          ? [UNCHECKABLE[target.kind]]
          : rulesFor(from).map((rule) => rule(from, to));
      for (const rule of refusals)
        if (rule) violations.push({ file: file.path, line: ref.line, found: ref.specifier, rule });
    }
    if (from !== 'core') continue;
    for (const read of ambientReadsOf(file)) {
      violations.push({
        file: file.path,
        line: read.line,
        found: read.what,
        rule: 'the core reads no clock, randomness or environment: they come in as arguments',
      });
    }
  }
  return violations;
}

export function describeViolation(v: Violation): string {
  return `${v.file}:${v.line} ${v.found}: ${v.rule}`;
}
