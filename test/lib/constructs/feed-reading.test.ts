import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FEED_SHARDS } from '../../../lambdas/config/table-layout.ts';
import { FEED_READ_EVERY_MINUTES } from '../../../lambdas/functions/catalog.ts';
import { buildTestApp, logicalIdOf } from '../app-fixture.ts';

// R10.1 on AWS: every feed shard is read every 15 minutes by the feed-shard function.

const { application } = buildTestApp();
const template = Template.fromStack(application);
const feedShard = application.functions.feedShard.function;
const functionArn = { 'Fn::GetAtt': [logicalIdOf(feedShard, application), 'Arn'] };

describe('R10.1 feed reading on AWS', () => {
  it('reads every shard every 15 minutes, each schedule naming its shard', () => {
    const schedules = template.findResources('AWS::Scheduler::Schedule', {
      Properties: { ScheduleExpression: `rate(${FEED_READ_EVERY_MINUTES} minutes)` },
    });
    const inputs = Object.values(schedules).map(
      (s) => JSON.parse(s.Properties.Target.Input) as { shard: number },
    );
    expect(inputs.map((i) => i.shard).sort((a, b) => a - b)).toEqual(
      Array.from({ length: FEED_SHARDS }, (_, shard) => shard),
    );
    for (const schedule of Object.values(schedules))
      expect(schedule.Properties.Target.Arn).toEqual(functionArn);
  });

  it('parks a round it could not deliver in the scheduler DLQ, and gives up on one older than a round', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${FEED_READ_EVERY_MINUTES} minutes)`,
      Target: Match.objectLike({
        DeadLetterConfig: {
          Arn: Match.objectLike({
            'Fn::GetStackOutput': Match.objectLike({ OutputName: Match.stringLikeRegexp('SchedulerDlq') }),
          }),
        },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: FEED_READ_EVERY_MINUTES * 60 },
      }),
    });
  });

  it('gives a shard round five minutes, time for thousands of reads', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('Calendar feed reading'),
      Timeout: 300,
    });
  });
});
