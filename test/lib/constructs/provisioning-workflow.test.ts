import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  ProvisioningWorkflow,
  PROVISIONING_STATES as S,
  TRANSIENT_ERRORS,
} from '../../../lib/constructs/provisioning-workflow.ts';
import { parseDefinition } from '../app-fixture.ts';

const ATTEMPT_ARN = 'arn:aws:lambda:us-east-1:111111111111:function:attempt';
const CHECK_ARN = 'arn:aws:lambda:us-east-1:111111111111:function:check';

const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Workflow');
new ProvisioningWorkflow(stack, 'Provisioning', {
  attempt: lambda.Function.fromFunctionArn(stack, 'Attempt', ATTEMPT_ARN),
  check: lambda.Function.fromFunctionArn(stack, 'Check', CHECK_ARN),
  namePrefix: 'test',
});
const template = Template.fromStack(stack);
const [stateMachine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as {
  Properties: Record<string, unknown>;
}[];
const { StartAt, States } = parseDefinition(stateMachine?.Properties.DefinitionString);
const transientRetry = [
  {
    ErrorEquals: TRANSIENT_ERRORS,
    IntervalSeconds: 2,
    MaxAttempts: 3,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];
const payload = { 'hostId.$': '$.hostId', 'reservationId.$': '$.reservationId' };

describe('ProvisioningWorkflow', () => {
  it('has exactly the provisioning states, starting with an attempt', () => {
    expect(StartAt).toBe(S.attempt);
    expect(Object.keys(States).sort()).toEqual(Object.values(S).sort());
  });

  it('R4.1 attempts with the function ARN as the resource, retrying transient failures only', () => {
    expect(States[S.attempt]).toEqual({
      Type: 'Task',
      Resource: ATTEMPT_ARN,
      Parameters: payload,
      ResultPath: '$.attempt',
      Retry: transientRetry,
      Next: S.afterAttempt,
    });
  });

  it('R4.2 awaits a webhook confirmation for 2 minutes when something was requested, else checks at once', () => {
    expect(States[S.afterAttempt]).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.attempt.requested', NumericGreaterThan: 0, Next: S.awaitConfirmation }],
      Default: S.check,
    });
    expect(States[S.awaitConfirmation]).toEqual({ Type: 'Wait', Seconds: 120, Next: S.check });
  });

  it('R4.1 checks, then waits until the retry plan’s next attempt or finishes', () => {
    expect(States[S.check]).toEqual({
      Type: 'Task',
      Resource: CHECK_ARN,
      Parameters: payload,
      ResultPath: '$.check',
      Retry: transientRetry,
      Next: S.decide,
    });
    expect(States[S.decide]).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.check.outcome', StringEquals: 'retry', Next: S.waitForNextAttempt }],
      Default: S.finished,
    });
    expect(States[S.waitForNextAttempt]).toEqual({
      Type: 'Wait',
      TimestampPath: '$.check.nextAttemptAt',
      Next: S.attempt,
    });
    expect(States[S.finished]).toEqual({ Type: 'Succeed' });
  });

  it('R9.4 logs every event without execution data, traces, and is named by its prefix', () => {
    expect(stateMachine?.Properties).toMatchObject({
      StateMachineName: 'test-provisioning',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/states/test-provisioning',
    });
  });
});
