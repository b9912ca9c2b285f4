import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { PLATFORM_ERRORS } from '../../../lib/constructs/platform-errors.ts';
import {
  ProvisioningWorkflow,
  PROVISIONING_STATES as S,
  TASK_TIMEOUT_ERRORS,
  TIMED_OUT,
  TRANSIENT_ERRORS,
} from '../../../lib/constructs/provisioning-workflow.ts';
import { functionTimeout } from '../../../lib/function-timeouts.ts';
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
  { ErrorEquals: TIMED_OUT, IntervalSeconds: 30, MaxAttempts: 2, BackoffRate: 2, JitterStrategy: 'FULL' },
  // R9.5: a crashed function or a throttled store fails the task; every step is safe to run again.
  {
    ErrorEquals: PLATFORM_ERRORS,
    IntervalSeconds: 1,
    MaxAttempts: 4,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];
const payload = {
  'hostId.$': '$.hostId',
  'reservationId.$': '$.reservationId',
  'correlationId.$': '$.correlationId',
};

describe('ProvisioningWorkflow', () => {
  it('has exactly the provisioning states, starting with an attempt', () => {
    expect(StartAt).toBe(S.attempt);
    expect(Object.keys(States).sort()).toEqual(Object.values(S).sort());
  });

  it('R4.1 attempts with the function ARN as the resource, retrying transient and platform failures only', () => {
    expect(States[S.attempt]).toEqual({
      Type: 'Task',
      Resource: ATTEMPT_ARN,
      Parameters: payload,
      ResultPath: '$.attempt',
      ResultSelector: {
        'requested.$': '$.requested',
        'confirmationWaitSeconds.$':
          'States.ArrayGetItem(States.Array(0, 0, 120), States.ArrayLength(States.ArrayUnique(States.Array(0, $.requested))))',
      },
      Retry: transientRetry,
      TimeoutSeconds: functionTimeout('provisionAttempt').toSeconds() + 10,
      Catch: [{ ErrorEquals: TASK_TIMEOUT_ERRORS, ResultPath: '$.attemptError', Next: S.attemptUnfinished }],
      Next: S.awaitConfirmation,
    });
  });

  it('R4.1 lets an attempt that never finished await confirmations, so the check plans the next one', () => {
    expect(States[S.attemptUnfinished]).toEqual({
      Type: 'Pass',
      Result: { unfinished: true, confirmationWaitSeconds: 120 },
      ResultPath: '$.attempt',
      Next: S.awaitConfirmation,
    });
  });

  it('gives each task a limit above its function timeout, so Lambda stops a slow run first', () => {
    for (const [state, fn] of [
      [S.attempt, 'provisionAttempt'],
      [S.check, 'provisionCheck'],
    ] as const) {
      expect(States[state]?.TimeoutSeconds).toBeGreaterThan(functionTimeout(fn).toSeconds());
    }
  });

  it('R4.2 awaits the wait the attempt computed, then checks', () => {
    expect(States[S.awaitConfirmation]).toEqual({
      Type: 'Wait',
      SecondsPath: '$.attempt.confirmationWaitSeconds',
      Next: S.check,
    });
  });

  it.each([
    [0, 0],
    [1, 120],
    [3, 120],
  ])(
    'R4.2 with %i codes requested, waits %i s for a webhook confirmation before the check',
    async (requested, seconds) => {
      const selector = States[S.attempt]?.ResultSelector as Record<string, string>;
      const machine = new StateMachine({
        StartAt: 'Select',
        States: { Select: { Type: 'Pass', Parameters: selector, End: true } },
      } as never);
      const { result } = machine.run({ requested } as never);
      expect(await result).toEqual({ requested, confirmationWaitSeconds: seconds });
    },
  );

  it('R4.1 checks, then waits until the retry plan’s next attempt or finishes', () => {
    expect(States[S.check]).toEqual({
      Type: 'Task',
      Resource: CHECK_ARN,
      Parameters: payload,
      ResultPath: '$.check',
      Retry: transientRetry,
      TimeoutSeconds: functionTimeout('provisionCheck').toSeconds() + 10,
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
