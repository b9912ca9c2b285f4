import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FEED_READ_EVERY_MINUTES } from '../../lambdas/functions/catalog.ts';

export interface FeedReadingProps {
  /** The function that reads one shard's due feeds (`{ shard }` in, R10.1). */
  readonly readShard: lambda.IFunction;
  readonly shards: number;
  /** Where a round the Scheduler could not deliver after its retries is parked. */
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * R10.1: one EventBridge Scheduler entry per feed shard, each invoking the shard function every 15 minutes.
 * No state machine: a shard that fails is read again at the next round, since due feeds stay due
 * (the arithmetic is in docs/decisions.md, "Calendar feeds").
 */
export class FeedReading extends Construct {
  readonly schedules: scheduler.CfnSchedule[];

  constructor(scope: Construct, id: string, props: FeedReadingProps) {
    super(scope, id);
    const role = new iam.Role(this, 'ScheduleRole', {
      description: 'Assumed by EventBridge Scheduler to start a round of feed reads',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
    });
    // The function itself, not its versions: grantInvoke would add `:*`.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [props.readShard.functionArn],
      }),
    );
    props.deadLetterQueue.grantSendMessages(role);
    this.schedules = Array.from(
      { length: props.shards },
      (_, shard) =>
        new scheduler.CfnSchedule(this, `Shard${shard}`, {
          scheduleExpression: `rate(${FEED_READ_EVERY_MINUTES} minutes)`,
          flexibleTimeWindow: { mode: 'OFF' },
          target: {
            arn: props.readShard.functionArn,
            roleArn: role.roleArn,
            input: JSON.stringify({ shard }),
            // A round older than its own period is superseded by the next one.
            retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: FEED_READ_EVERY_MINUTES * 60 },
            deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
          },
        }),
    );
  }
}
