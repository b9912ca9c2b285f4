import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  ALARMED_METRICS,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  WEBHOOK_SENDERS,
} from '../../lambdas/config/metric-names.ts';

export interface LockstepAlarmsProps {
  /** Every function, by name: errors and throttles are alarmed per function. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** Functions invoked asynchronously (EventBridge Scheduler targets): their failures land in a queue. */
  readonly asyncFunctions: readonly lambda.IFunction[];
  /** Queues whose depth means lost work: the scheduler targets' DLQ. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Workflows whose failed, timed-out or aborted executions need a person. */
  readonly stateMachines: Readonly<Record<string, sfn.IStateMachine>>;
  /** Workflows that must finish once a day (the healthcheck, R4.3): a day without a success alarms. */
  readonly dailyWorkflows?: Readonly<Record<string, sfn.IStateMachine>>;
  /** The HTTP API: its 5xx answers (unexpected errors the function alarms never see) and 4xx rate. */
  readonly api?: apigw.IHttpApi;
  /** Subscribed to the topic by email (the subscription must be confirmed from the inbox). */
  readonly alarmEmail?: string | undefined;
}

/** Routes whose messages SES and SNS carry: their refusals mean a sandbox or a blocked sender. */
const AWS_MESSAGE_ROUTES = ['email', 'sms'] as const;

/** The 4xx share of answers that alarms, over at least this many requests in 15 minutes. */
export const CLIENT_ERROR_RATE = 0.25;
export const CLIENT_ERROR_MIN_REQUESTS = 20;
/** Refused signatures in 15 minutes, with none accepted, that mean the partner's secret is wrong. */
export const SIGNATURE_REFUSALS_WITHOUT_SUCCESS = 3;

/**
 * How long a daily workflow may go without a successful run: a day, an hour more when a
 * daylight-saving change stretches the gap between two 08:00 New York runs, and an hour for the run.
 */
export const DAILY_RUN_HOURS = 26;

/**
 * Operations on AWS: alarms on lost work (DLQ depth), Lambda errors and throttles, and workflow
 * failures, all to one operator topic; and an on-failure queue for asynchronous invocations, so an
 * event Lambda gave up on after its retries is kept, not dropped.
 */
export class LockstepAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly asyncFailures: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: LockstepAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'OperatorTopic', { displayName: 'Lockstep alarms', enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and metric values only, never guest data or PINs; CloudWatch ' +
        'cannot publish to a topic under the AWS-managed SNS key.',
    });

    this.asyncFailures = new sqs.Queue(this, 'AsyncFailures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.asyncFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of asynchronous Lambda invocations.',
    });
    for (const fn of props.asyncFunctions) {
      fn.configureAsyncInvoke({
        onFailure: new destinations.SqsDestination(this.asyncFailures),
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
      });
    }

    const queues = { ...props.deadLetterQueues, AsyncFailures: this.asyncFailures };
    for (const [name, queue] of Object.entries(queues)) {
      this.alarm(
        `${name}Depth`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        {
          description: `${name} holds work that was not done: read the messages, fix, redrive.`,
        },
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), {
        description: `The ${name} function failed.`,
      });
      this.alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5) }), {
        description: `The ${name} function was throttled.`,
      });
    }
    for (const [name, machine] of Object.entries(props.stateMachines)) {
      const unfinished = new cloudwatch.MathExpression({
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: machine.metricFailed(),
          timedOut: machine.metricTimedOut(),
          aborted: machine.metricAborted(),
        },
        period: Duration.minutes(5),
        label: `${name} executions that did not finish`,
      });
      this.alarm(`${name}Unfinished`, unfinished, {
        description: `A ${name} execution failed, timed out or was aborted.`,
      });
    }
    // Counted by the functions' shared middleware (Powertools adds the `service` dimension).
    this.alarm(
      'ProviderCredentialsRejected',
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: ALARMED_METRICS.providerCredentialsRejected,
        dimensionsMap: { service: METRICS_SERVICE },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(5),
      }),
      {
        description:
          'The lock provider refused the API key (HTTP 401/403): no code can be set or removed until the integration secret holds a valid key.',
      },
    );
    if (props.api) this.apiAlarms(props.api);
    this.deliveryAlarms();
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    for (const [name, machine] of Object.entries(props.dailyWorkflows ?? {})) {
      // Hourly sums: an hour with a success is fine, an hour without one (no data) breaches; the
      // alarm needs every hour of the span to breach, so it fires once no run succeeded in that long.
      this.alarm(
        `${name}NotSucceeded`,
        machine.metricSucceeded({ period: Duration.hours(1), statistic: cloudwatch.Stats.SUM }),
        {
          description: `No ${name} run succeeded in ${DAILY_RUN_HOURS} hours: it did not start or did not finish.`,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          evaluationPeriods: DAILY_RUN_HOURS,
          treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        },
      );
    }
  }

  private apiAlarms(api: apigw.IHttpApi): void {
    this.alarm(
      'Api5xx',
      api.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      {
        description:
          'The HTTP API answered 5xx: an unexpected error in a function (its log has the correlation id) or an ' +
          'integration failure.',
      },
    );
    const clientErrorRate = new cloudwatch.MathExpression({
      expression: `IF(requests >= ${CLIENT_ERROR_MIN_REQUESTS}, clientErrors / requests, 0)`,
      usingMetrics: {
        clientErrors: api.metricClientError({ statistic: cloudwatch.Stats.SUM }),
        requests: api.metricCount({ statistic: cloudwatch.Stats.SUM }),
      },
      period: Duration.minutes(15),
      label: 'Share of HTTP API answers that were 4xx',
    });
    this.alarm('Api4xxRate', clientErrorRate, {
      description:
        `More than ${CLIENT_ERROR_RATE * 100}% of HTTP API answers were 4xx: a client sends bad requests or ` +
        'expired tokens, or someone is probing.',
      threshold: CLIENT_ERROR_RATE,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  private deliveryAlarms(): void {
    const count = (metricName: string, dimensions: Record<string, string>) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: METRICS_SERVICE, ...dimensions },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(15),
      });
    for (const sender of WEBHOOK_SENDERS) {
      // A stray bad request among good deliveries is noise; refusals and no success is a wrong secret.
      const wrongSecret = new cloudwatch.MathExpression({
        expression: `IF(refused >= ${SIGNATURE_REFUSALS_WITHOUT_SUCCESS} AND FILL(accepted, 0) == 0, 1, 0)`,
        usingMetrics: {
          refused: count(ALARMED_METRICS.webhookSignaturesRefused, { sender }),
          accepted: count(ALARMED_METRICS.webhookSignaturesAccepted, { sender }),
        },
        period: Duration.minutes(15),
        label: `${sender} webhooks refused for their signature, none accepted`,
      });
      this.alarm(`WebhookSignatures-${sender}`, wrongSecret, {
        description:
          `Every ${sender} webhook delivery in 15 minutes was refused (401): the signing secret in the ` +
          'integration secret does not match the one the partner signs with.',
      });
    }
    // R9.5: the partner was answered 202, so a refusal after the queue reaches no one else.
    this.alarm(
      'ChannelDeliveriesRefused',
      count(ALARMED_METRICS.channelDeliveriesRefused, { sender: 'channel' }),
      {
        description:
          'The channel inbox consumer refused a queued delivery for good (e.g. a host message about an unknown ' +
          'stay): its log line names the delivery id and the reason.',
      },
    );
    for (const channel of AWS_MESSAGE_ROUTES) {
      this.alarm(`MessagesRefused-${channel}`, count(ALARMED_METRICS.messagesRefused, { channel }), {
        description:
          `${channel === 'email' ? 'SES' : 'SNS'} refused a guest ${channel} for good: the account may still be ` +
          'in the sandbox, the sender unverified, or the recipient blocked.',
      });
    }
  }

  private alarm(
    id: string,
    metric: cloudwatch.IMetric,
    options: {
      description: string;
      threshold?: number;
      comparisonOperator?: cloudwatch.ComparisonOperator;
      evaluationPeriods?: number;
      treatMissingData?: cloudwatch.TreatMissingData;
    },
  ): void {
    const evaluationPeriods = options.evaluationPeriods ?? 1;
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: options.threshold ?? 1,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      comparisonOperator:
        options.comparisonOperator ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.treatMissingData ?? cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
