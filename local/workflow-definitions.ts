import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { StateMachine } from 'aws-local-stepfunctions';
import { HealthcheckWorkflow } from '#lib/constructs/healthcheck-workflow.ts';
import { ProvisioningWorkflow } from '#lib/constructs/provisioning-workflow.ts';
import {
  type FunctionName,
  functionLabel,
  type TaskFunction,
  WORKFLOW_TASKS,
} from '../lambdas/functions/catalog.ts';

/** The stand-in ARN the local runtime binds a task function's handler to. */
function localFunctionArn(name: FunctionName): string {
  return `arn:aws:lambda:us-east-1:000000000000:function:lockstep-${functionLabel(name)}`;
}

// What CloudFormation would substitute for pseudo parameters, in the local runtime's "account".
const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '000000000000',
  'AWS::URLSuffix': 'amazonaws.com',
};

export interface SynthesizedDefinition {
  /** The Amazon States Language definition, exactly as `lib/` synthesizes it. */
  readonly definition: object;
  readonly taskArns: Readonly<Record<TaskFunction<'provisioning'>, string>>;
}

let provisioning: SynthesizedDefinition | undefined;

/**
 * The provisioning workflow's definition as synthesized from the same construct the AWS stack
 * uses, with its task functions at fixed local ARNs. Synthesized once per process.
 */
export function synthesizedProvisioningDefinition(): SynthesizedDefinition {
  provisioning ??= synthesizeProvisioning();
  return provisioning;
}

function synthesizeProvisioning(): SynthesizedDefinition {
  const { attempt, check } = WORKFLOW_TASKS.provisioning;
  const definition = synthesizeDefinition(
    'LocalWorkflows',
    (stack) =>
      new ProvisioningWorkflow(stack, 'Provisioning', {
        attempt: lambda.Function.fromFunctionArn(stack, 'Attempt', localFunctionArn(attempt)),
        check: lambda.Function.fromFunctionArn(stack, 'Check', localFunctionArn(check)),
      }).stateMachine,
  );
  return { definition, taskArns: { [attempt]: localFunctionArn(attempt), [check]: localFunctionArn(check) } };
}

/** The healthcheck's shard function, at a fixed local ARN (R4.3). */
export const LOCAL_HEALTHCHECK_SHARD_ARN = localFunctionArn(WORKFLOW_TASKS.healthcheck.checkShard);

const healthchecks = new Map<number, object>();

/**
 * The daily healthcheck's definition (R4.3) as synthesized from the construct the AWS stack uses,
 * its shard task at LOCAL_HEALTHCHECK_SHARD_ARN. Synthesized once per process and shard count.
 */
export function synthesizedHealthcheckDefinition(shards: number): object {
  let definition = healthchecks.get(shards);
  if (!definition) {
    definition = synthesizeDefinition(
      'LocalHealthcheck',
      (stack) =>
        new HealthcheckWorkflow(stack, 'Healthcheck', {
          checkShard: lambda.Function.fromFunctionArn(stack, 'Shard', LOCAL_HEALTHCHECK_SHARD_ARN),
          shards,
        }).stateMachine,
    );
    healthchecks.set(shards, definition);
  }
  return definition;
}

/** Synthesizes the state machine `build` adds to a fresh stack and returns its definition as JSON. */
function synthesizeDefinition(stackName: string, build: (stack: Stack) => sfn.StateMachine): object {
  // The built-in CloudFormation validation adds seconds and checks nothing the AWS synth does not.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stack = new Stack(app, stackName);
  const stateMachine = build(stack);
  const template = app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, { Properties?: Record<string, unknown> }>;
  };
  const logicalId = stack.getLogicalId(stateMachine.node.defaultChild as sfn.CfnStateMachine);
  const definitionString = template.Resources[logicalId]?.Properties?.DefinitionString;
  if (definitionString === undefined) throw new Error(`No DefinitionString on ${logicalId}`);
  return JSON.parse(resolveIntrinsic(definitionString));
}

/** Resolves the intrinsics a definition string may hold (Fn::Join, pseudo-parameter Refs) to text. */
function resolveIntrinsic(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  const join = node['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(resolveIntrinsic).join(join[0]);
  const ref = node.Ref;
  if (typeof ref === 'string' && ref in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[ref] as string;
  throw new Error(`Cannot resolve ${JSON.stringify(value)} in the synthesized definition`);
}

const validated = new WeakSet<object>();

/**
 * A state machine running a synthesized definition. The definition is validated the first time
 * only: it is cached and never changes, and validating it again costs most of a runtime's start.
 */
export function localStateMachine(definition: object): StateMachine {
  const machine = new StateMachine(definition as ConstructorParameters<typeof StateMachine>[0], {
    validationOptions: { noValidate: validated.has(definition) },
  });
  validated.add(definition);
  return machine;
}
