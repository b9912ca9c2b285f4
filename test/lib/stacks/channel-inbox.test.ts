import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { INBOX_KEY_PREFIX } from '../../../lambdas/config/table-layout.ts';
import { INBOX_CONSUMER } from '../../../lambdas/functions/catalog.ts';
import { buildTestApp, logicalIdOf } from '../app-fixture.ts';

// R9.5: a channel delivery acknowledged once queued is acted on from the table's stream, retried
// by the platform, and kept in the on-failure queue when every retry failed.

const { application, data } = buildTestApp();
const app = Template.fromStack(application);
const dataTemplate = Template.fromStack(data);
const consumer = application.functions[INBOX_CONSUMER.function].function;

describe('the channel inbox on AWS (R9.5)', () => {
  it('streams the table’s new images, which carry each queued delivery', () => {
    dataTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('invokes the inbox consumer with inbox writes only, one at a time, with retries and an on-failure queue', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(consumer, application) },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: INBOX_CONSUMER.batchSize,
      MaximumRetryAttempts: INBOX_CONSUMER.retryAttempts,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [logicalIdOf(application.alarms.asyncFailures, application), 'Arn'] },
        },
      },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { Keys: { pk: { S: [{ prefix: INBOX_KEY_PREFIX }] } } },
            }),
          },
        ],
      },
    });
  });

  it('alarms when the consumer refuses a delivery the partner was already answered 202 for', () => {
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ChannelDeliveriesRefused',
      Dimensions: Match.arrayWith([{ Name: 'sender', Value: 'channel' }]),
    });
  });

  it('lets the consumer read the stream and send to the on-failure queue, and alarms on its errors', () => {
    const actions = Object.values(
      app.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: logicalIdOf(consumer.role ?? consumer, application) }] },
      }),
    ).flatMap((p) =>
      (
        p as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }
      ).Properties.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()),
    );
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'sqs:SendMessage']));
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(consumer, application) } }],
    });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: Match.arrayWith([
        Match.objectLike({
          Value: { 'Fn::GetAtt': [logicalIdOf(application.alarms.asyncFailures, application), 'QueueName'] },
        }),
      ]),
    });
  });
});
