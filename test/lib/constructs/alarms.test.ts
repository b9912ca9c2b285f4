import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ALARMED_METRICS, METRICS_NAMESPACE, METRICS_SERVICE } from '../../../lambdas/config/metric-names.ts';
import { FUNCTIONS } from '../../../lambdas/functions/catalog.ts';
import {
  CLIENT_ERROR_MIN_REQUESTS,
  CLIENT_ERROR_RATE,
  DAILY_RUN_HOURS,
  SIGNATURE_REFUSALS_WITHOUT_SUCCESS,
} from '../../../lib/constructs/alarms.ts';
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
      Dimensions: [
        { Name: 'QueueName', Value: Match.objectLike({ 'Fn::GetStackOutput': Match.anyValue() }) },
      ],
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
      MetricName: ALARMED_METRICS.providerCredentialsRejected,
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

describe('LockstepAlarms on answers and deliveries (issue 19, finding 1)', () => {
  const apiId = { Ref: idOf(application.api.api) };
  const metricIn = (metrics: unknown, id: string) =>
    (metrics as { Id: string; MetricStat?: { Metric: Record<string, unknown> } }[]).find((m) => m.Id === id)
      ?.MetricStat?.Metric;
  const expressionOf = (alarm: Record<string, unknown> | undefined) =>
    ((alarm?.Metrics ?? []) as { Expression?: string }[]).find((m) => m.Expression)?.Expression;
  const alarmsWith = (expression: RegExp) =>
    Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => (alarm as { Properties: Record<string, unknown> }).Properties)
      .filter((p) =>
        (p.Metrics as { Expression?: string }[] | undefined)?.some((m) =>
          expression.test(m.Expression ?? ''),
        ),
      );

  it('alarms on any 5xx answer of the HTTP API, which the function error alarms never see', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: apiId }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topic],
    });
  });

  it('alarms when the share of 4xx answers passes its limit over enough requests', () => {
    const [alarm] = alarmsWith(/clientErrors \/ requests/);
    expect(alarm).toMatchObject({
      Threshold: CLIENT_ERROR_RATE,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [topic],
    });
    expect(expressionOf(alarm)).toContain(`requests >= ${CLIENT_ERROR_MIN_REQUESTS}`);
    expect(metricIn(alarm?.Metrics, 'clientErrors')).toMatchObject({
      MetricName: '4xx',
      Dimensions: [{ Name: 'ApiId', Value: apiId }],
    });
  });

  it.each(['channel', 'locks'])(
    'R9.1 alarms when every %s webhook delivery is refused for its signature (a wrong secret)',
    (sender) => {
      const alarm = alarmsWith(/refused >= /).find((a) =>
        JSON.stringify(metricIn(a.Metrics, 'refused')).includes(`"Value":"${sender}"`),
      );
      expect(alarm).toMatchObject({ Threshold: 1, AlarmActions: [topic] });
      expect(expressionOf(alarm)).toBe(
        `IF(refused >= ${SIGNATURE_REFUSALS_WITHOUT_SUCCESS} AND FILL(accepted, 0) == 0, 1, 0)`,
      );
      for (const [id, metricName] of [
        ['refused', ALARMED_METRICS.webhookSignaturesRefused],
        ['accepted', ALARMED_METRICS.webhookSignaturesAccepted],
      ]) {
        expect(metricIn(alarm?.Metrics, id ?? '')).toEqual({
          Namespace: 'Lockstep',
          MetricName: metricName,
          Dimensions: expect.arrayContaining([
            { Name: 'service', Value: 'lockstep' },
            { Name: 'sender', Value: sender },
          ]),
        });
      }
    },
  );

  it.each(['email', 'sms'])('R5.2 alarms when SES or SNS refuses a guest %s', (channel) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Lockstep',
      MetricName: ALARMED_METRICS.messagesRefused,
      Dimensions: Match.arrayWith([{ Name: 'channel', Value: channel }]),
      Threshold: 1,
      AlarmActions: [topic],
    });
  });
});

describe('LockstepAlarms reach a person (issue 19, finding 2)', () => {
  it('subscribes the alarmEmail context value to the topic', () => {
    const withEmail = buildTestApp({ alarmEmail: 'ops@rentals.test' });
    Template.fromStack(withEmail.application).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@rentals.test',
      TopicArn: { Ref: logicalIdOf(withEmail.application.alarms.topic, withEmail.application) },
    });
  });

  it('prints the topic, so more subscribers can be added', () => {
    template.hasOutput('AlarmTopicArn', { Value: topic });
  });
});
