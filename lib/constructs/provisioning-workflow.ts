import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { CONFIRMATION_WAIT_SECONDS as WAIT_SECONDS } from '../../lambdas/config/provisioning.ts';
import { type FunctionName, WORKFLOW_TASKS } from '../../lambdas/functions/catalog.ts';
import { functionTimeout } from '../function-timeouts.ts';
import { iam5ResourceFinding } from '../nag/iam5-finding.ts';
import { PLATFORM_RETRY } from './platform-errors.ts';

/** State names of the provisioning workflow; the local runtime binds task handlers by these. */
export const PROVISIONING_STATES = {
  attempt: 'Attempt',
  awaitConfirmation: 'AwaitConfirmation',
  check: 'Check',
  decide: 'Decide',
  waitForNextAttempt: 'WaitForNextAttempt',
  finished: 'Finished',
  attemptUnfinished: 'AttemptUnfinished',
} as const;

/** Errors worth an immediate retry: the lock provider's transient failures and Lambda's own hiccups. */
export const TRANSIENT_ERRORS = [
  'TransientLockError',
  'Lambda.TooManyRequestsException',
  'Lambda.ServiceException',
  'Lambda.SdkClientException',
];

/** The task's own limit, or its function's (Lambda reports a function timeout as `Sandbox.Timedout`). */
export const TIMED_OUT = ['States.Timeout', 'Sandbox.Timedout'];

/**
 * A task that did not finish: its own timeout, its function's, or Lambda failing the invoke itself.
 * Retried below; an attempt that still does not finish goes on to the Check, whose retry plan (R4.1)
 * decides the next attempt, so a slow lock provider never ends the workflow.
 */
export const TASK_TIMEOUT_ERRORS = [
  ...TIMED_OUT,
  'Lambda.SdkClientException',
  'Lambda.ServiceException',
  'Lambda.TooManyRequestsException',
];

/** How long the provider gets to confirm a requested code by webhook before we read its status (R4.2). */
export const CONFIRMATION_WAIT = Duration.seconds(WAIT_SECONDS);

// The attempt's wait before the check, in the attempt's own result: CONFIRMATION_WAIT when it
// requested anything, else 0. A Choice state did this at one more billed transition per attempt
// (docs/performance.md). ArrayUnique([0, requested]) has length 1 exactly when requested is 0.
const CONFIRMATION_WAIT_SECONDS = `States.ArrayGetItem(States.Array(0, 0, ${CONFIRMATION_WAIT.toSeconds()}), States.ArrayLength(States.ArrayUnique(States.Array(0, $.requested))))`;

/** The state machine's physical name, fixed so other resources can know its ARN before it exists. */
export function provisioningStateMachineName(namePrefix = 'lockstep'): string {
  return `${namePrefix}-provisioning`;
}

export interface ProvisioningWorkflowProps {
  /** Requests the reservation's code on its locks; returns `{ requested: number }`. */
  readonly attempt: lambda.IFunction;
  /** Reads confirmations and applies the retry plan; returns `{ outcome, nextAttemptAt? }`. */
  readonly check: lambda.IFunction;
  /** Prefixes the state machine and log group names. Default `lockstep`. */
  readonly namePrefix?: string;
}

/**
 * The provisioning workflow: attempt, await confirmation, check, and wait for the retry plan's next
 * attempt (R4.1) until the check says done or stopped. JSONPath only: the local engine runs this
 * very definition.
 */
export class ProvisioningWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: ProvisioningWorkflowProps) {
    super(scope, id);
    this.stateMachineName = provisioningStateMachineName(props.namePrefix);

    const attempt = invoke(this, PROVISIONING_STATES.attempt, props.attempt, {
      resultPath: '$.attempt',
      timeout: taskTimeout(WORKFLOW_TASKS.provisioning.attempt),
      resultSelector: {
        requested: sfn.JsonPath.numberAt('$.requested'),
        confirmationWaitSeconds: sfn.JsonPath.numberAt(CONFIRMATION_WAIT_SECONDS),
      },
    });
    const check = invoke(this, PROVISIONING_STATES.check, props.check, {
      resultPath: '$.check',
      timeout: taskTimeout(WORKFLOW_TASKS.provisioning.check),
    });
    const awaitConfirmation = new sfn.Wait(this, PROVISIONING_STATES.awaitConfirmation, {
      time: sfn.WaitTime.secondsPath('$.attempt.confirmationWaitSeconds'),
    });
    const waitForNextAttempt = new sfn.Wait(this, PROVISIONING_STATES.waitForNextAttempt, {
      time: sfn.WaitTime.timestampPath('$.check.nextAttemptAt'),
    });
    const finished = new sfn.Succeed(this, PROVISIONING_STATES.finished);

    const decide = new sfn.Choice(this, PROVISIONING_STATES.decide)
      .when(sfn.Condition.stringEquals('$.check.outcome', 'retry'), waitForNextAttempt.next(attempt))
      .otherwise(finished);
    // An attempt that never finished may still have requested codes: give them the confirmation
    // wait, then let the Check count the attempt and plan the next one (R4.1).
    const attemptUnfinished = new sfn.Pass(this, PROVISIONING_STATES.attemptUnfinished, {
      result: sfn.Result.fromObject({
        unfinished: true,
        confirmationWaitSeconds: CONFIRMATION_WAIT.toSeconds(),
      }),
      resultPath: '$.attempt',
    });
    attempt.addCatch(attemptUnfinished, { errors: TASK_TIMEOUT_ERRORS, resultPath: '$.attemptError' });
    attemptUnfinished.next(awaitConfirmation);
    attempt.next(awaitConfirmation);
    awaitConfirmation.next(check);
    check.next(decide);

    // Vended-logs prefix: Step Functions log delivery keeps the logs resource policy small there.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${this.stateMachineName}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: this.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD, // waits span days
      definitionBody: sfn.DefinitionBody.fromChainable(attempt),
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:*LogDelivery, DescribeLogGroups, resource policies) and X-Ray ' +
        'trace upload do not support resource-level permissions.',
    });
    for (const fn of [props.attempt, props.check]) {
      Validations.of(this.stateMachine.role).acknowledge({
        id: iam5ResourceFinding(this, `${fn.functionArn}:*`),
        reason:
          "LambdaInvoke also grants the task function's versions and aliases (`:*`); one function only.",
      });
    }
  }
}

// A hung invoke fails the task a little after its function would have been stopped.
const taskTimeout = (fn: FunctionName) => Duration.seconds(functionTimeout(fn).toSeconds() + 10);

interface TaskOptions {
  readonly resultPath: string;
  readonly timeout: Duration;
  readonly resultSelector?: Record<string, unknown>;
}

// A task whose Resource is the function ARN itself (payloadResponseOnly), with our own retries.
function invoke(scope: Construct, name: string, fn: lambda.IFunction, options: TaskOptions): LambdaInvoke {
  const task = new LambdaInvoke(scope, name, {
    ...(options.resultSelector ? { resultSelector: options.resultSelector } : {}),
    lambdaFunction: fn,
    payload: sfn.TaskInput.fromObject({
      hostId: sfn.JsonPath.stringAt('$.hostId'),
      reservationId: sfn.JsonPath.stringAt('$.reservationId'),
      // Every starter sets it (the Scheduler and Workflows adapters), so the tasks log under it.
      correlationId: sfn.JsonPath.stringAt('$.correlationId'),
    }),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: options.resultPath,
    taskTimeout: sfn.Timeout.duration(options.timeout),
  });
  task.addRetry({
    errors: TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    maxAttempts: 3,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
  // A task that timed out ran for minutes: fewer, later tries give a slow provider time to recover.
  task.addRetry({
    errors: TIMED_OUT,
    interval: Duration.seconds(30),
    maxAttempts: 2,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
  task.addRetry(PLATFORM_RETRY);
  return task;
}
