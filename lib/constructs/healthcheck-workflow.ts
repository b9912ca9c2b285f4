import { Aws, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { HEALTHCHECK_SCHEDULE } from '../../lambdas/functions/catalog.ts';
import { iam5ResourceFinding } from '../nag/iam5-finding.ts';
import { PLATFORM_RETRY } from './platform-errors.ts';

/** R4.3: every day at the catalog's wall time, following its zone's DST (a time-zone-aware cron). */
export const HEALTHCHECK_CRON = `cron(${HEALTHCHECK_SCHEDULE.minute} ${HEALTHCHECK_SCHEDULE.hour} * * ? *)`;
export const HEALTHCHECK_TIME_ZONE = HEALTHCHECK_SCHEDULE.timeZone;

export interface HealthcheckWorkflowProps {
  /** Checks one `byDue` shard (R4.3); input `{ shard }`. */
  readonly checkShard: lambda.IFunction;
  /** The shard numbers 0..shards-1 the Distributed Map fans out over. */
  readonly shards: number;
  readonly namePrefix?: string;
}

/**
 * The daily healthcheck: an EventBridge Scheduler cron starts a state machine whose Distributed Map
 * runs one child per shard of the `byDue` index; each child queries its shard (never a scan).
 */
export class HealthcheckWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly schedule: scheduler.CfnSchedule;

  constructor(scope: Construct, id: string, props: HealthcheckWorkflowProps) {
    super(scope, id);
    const name = `${props.namePrefix ?? 'lockstep'}-healthcheck`;
    const check = new LambdaInvoke(this, 'CheckShard', {
      lambdaFunction: props.checkShard,
      payload: sfn.TaskInput.fromObject({ shard: sfn.JsonPath.numberAt('$.shard') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    // A hundred shards at once can meet Lambda's concurrency limit; a throttled shard waits and retries
    // instead of failing the day's run (retryOnServiceExceptions leaves throttling out).
    check.addRetry({
      errors: ['Lambda.TooManyRequestsException'],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 6,
      jitterStrategy: sfn.JitterType.FULL,
    });
    check.addRetry(PLATFORM_RETRY);
    const fanOut = new sfn.DistributedMap(this, 'Shards', {
      itemsPath: '$.shards',
      itemSelector: { 'shard.$': '$$.Map.Item.Value' },
      maxConcurrency: 20,
      // Each child is one short Lambda call: Express children bill per request, not per transition.
      mapExecutionType: sfn.StateMachineType.EXPRESS,
      resultPath: sfn.JsonPath.DISCARD,
    });
    fanOut.itemProcessor(check);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${name}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: name,
      definitionBody: sfn.DefinitionBody.fromChainable(fanOut),
      timeout: Duration.hours(2),
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });

    const role = new iam.Role(this, 'ScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
    });
    this.stateMachine.grantStartExecution(role);
    this.schedule = new scheduler.CfnSchedule(this, 'Daily', {
      scheduleExpression: HEALTHCHECK_CRON,
      scheduleExpressionTimezone: HEALTHCHECK_TIME_ZONE,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.stateMachine.stateMachineArn,
        roleArn: role.roleArn,
        input: JSON.stringify({ shards: Array.from({ length: props.shards }, (_, i) => i) }),
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
      },
    });

    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Step Functions log delivery and X-Ray trace upload do not support resource-level permissions.',
    });
    // The Distributed Map's own policy: its child executions' ids are only known at run time.
    const executions = `arn:${Aws.PARTITION}:states:${Stack.of(this).region}:${Aws.ACCOUNT_ID}:execution:${Fn.select(6, Fn.split(':', this.stateMachine.stateMachineArn))}`;
    for (const resource of [`${executions}:*`, `${executions}/*:*`]) {
      Validations.of(this.stateMachine).acknowledge({
        id: iam5ResourceFinding(this, resource),
        reason:
          "Distributed Map describes and stops its own child executions, named at run time; this state machine's only.",
      });
    }
    Validations.of(this.stateMachine.role).acknowledge({
      id: iam5ResourceFinding(this, `${props.checkShard.functionArn}:*`),
      reason: "LambdaInvoke also grants the shard function's versions and aliases (`:*`); one function only.",
    });
  }
}
