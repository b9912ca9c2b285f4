import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  PROVIDER_CREDENTIALS_METRIC,
} from '../../../lambdas/config/alarmed-metrics.ts';
import { FUNCTIONS } from '../../../lambdas/functions/catalog.ts';
import { DAILY_RUN_HOURS } from '../../../lib/constructs/alarms.ts';
import { buildTestApp, logicalIdOf } from '../app-fixture.ts';

// Operations on AWS (issue 8): alarms on lost work, function errors and throttles, workflow failures.

const { application } = buildTestApp();
const template = Template.fromStack(application);
const idOf = (construct: { node: { defaultChild?: unknown } }) => logicalIdOf(construct, application);
const topic = { Ref: idOf(application.alarms.topic) };

describe('LockstepAlarms', () => {
  it('alarms on the scheduler DLQ holding any message, to the operator topic', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: Match.objectLike({ 'Fn::ImportValue': Match.anyValue() }) }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topic],
    });
  });

  it('alarms on errors and throttles of every function', () => {
    for (const name of Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[]) {
      const fn = { Ref: idOf(application.functions[name].function) };
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: fn }],
          Threshold: 1,
          AlarmActions: [topic],
        });
      }
    }
  });

  it.each([
    ['provisioning', () => application.provisioning.stateMachine],
    ['R4.3 healthcheck', () => application.healthcheck.stateMachine],
  ])('alarms on %s executions that failed, timed out or were aborted', (_, stateMachine) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'failed + timedOut + aborted' }),
        Match.objectLike({
          Id: 'failed',
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              Namespace: 'AWS/States',
              MetricName: 'ExecutionsFailed',
              Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: idOf(stateMachine()) } }],
            }),
          }),
        }),
      ]),
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topic],
    });
  });

  it('R4.3 alarms when no healthcheck run succeeded in a day, a missing run counting as a failure', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsSucceeded',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: idOf(application.healthcheck.stateMachine) } }],
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: DAILY_RUN_HOURS,
      DatapointsToAlarm: DAILY_RUN_HOURS,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [topic],
    });
  });

  it("alarms on the lock provider refusing the operator's API key, from the functions' own count", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: PROVIDER_CREDENTIALS_METRIC,
      Dimensions: [{ Name: 'service', Value: METRICS_SERVICE }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });

  it('keeps the scheduled-entry events Lambda gave up on in a queue, and alarms on its depth', () => {
    const queue = idOf(application.alarms.asyncFailures);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: idOf(application.functions.scheduledEntry.function) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('traces every function with X-Ray', () => {
    const traced = template.findResources('AWS::Lambda::Function', {
      Properties: { TracingConfig: { Mode: 'Active' } },
    });
    expect(Object.keys(traced).length).toBe(Object.keys(FUNCTIONS).length);
  });
});
