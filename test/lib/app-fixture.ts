import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Stack } from 'aws-cdk-lib';
import { buildLockstepApp, type LockstepApp } from '../../lib/lockstep-app.ts';

// The same context `cdk synth` gets from cdk.json, minus esbuild bundling and the built-in
// CloudFormation schema check: both cost seconds and neither is what these tests assert. Demo mode
// takes the placeholders; a fixture page stands in for the built dashboard.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** A stand-in for web/dist, so infra tests need no dashboard build. */
export const FIXTURE_DASHBOARD = fileURLToPath(new URL('./fixtures/dashboard', import.meta.url));

export function buildTestApp(context: Record<string, unknown> = {}): LockstepApp {
  return buildLockstepApp({
    context: {
      ...cdkJson.context,
      'aws:cdk:bundling-stacks': [],
      demo: 'true',
      dashboardDir: FIXTURE_DASHBOARD,
      ...context,
    },
    builtinCloudFormationValidation: false,
  });
}

/** A state machine's DefinitionString as ASL, with `Fn::GetAtt` references as `<LogicalId.Attr>`. */
export function parseDefinition(definitionString: unknown): {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
} {
  return JSON.parse(flattenJoin(definitionString));
}

function flattenJoin(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  const join = node['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(flattenJoin).join(join[0]);
  const getAtt = node['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt) return `<${getAtt[0]}.${getAtt[1]}>`;
  if (typeof node.Ref === 'string') return `<${node.Ref}>`;
  throw new Error(`Unexpected intrinsic ${JSON.stringify(value)}`);
}

/** The logical id of a construct's CloudFormation resource. */
export function logicalIdOf(construct: { node: { defaultChild?: unknown } }, stack: Stack): string {
  return stack.getLogicalId(construct.node.defaultChild as Parameters<Stack['getLogicalId']>[0]);
}
