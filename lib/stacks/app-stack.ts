import {
  ArnFormat,
  CrossStackReferences,
  Lazy,
  ReferenceStrength,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV, type EnvName } from '../../lambdas/config/env.ts';
import type { SecretName } from '../../lambdas/config/secrets.ts';
import {
  DUE_SHARDS,
  FEED_SHARDS,
  INBOX_KEY_PREFIX,
  PARTITION_KEY,
} from '../../lambdas/config/table-layout.ts';
import {
  ENTRY_FUNCTION,
  FEED_READING_FUNCTION,
  FUNCTIONS,
  type FunctionName,
  functionLabel,
  HTTP_ROUTES,
  INBOX_CONSUMER,
  WORKFLOW_TASKS,
} from '../../lambdas/functions/catalog.ts';
import { constructId } from '../construct-id.ts';
import { LockstepAlarms } from '../constructs/alarms.ts';
import { DashboardHosting } from '../constructs/dashboard-hosting.ts';
import { FeedReading } from '../constructs/feed-reading.ts';
import { HealthcheckWorkflow } from '../constructs/healthcheck-workflow.ts';
import { HostUserPool } from '../constructs/host-user-pool.ts';
import { LockstepFunction } from '../constructs/lockstep-function.ts';
import { LockstepHttpApi } from '../constructs/lockstep-http-api.ts';
import { ProvisioningWorkflow, provisioningStateMachineName } from '../constructs/provisioning-workflow.ts';
import { SchedulerRole } from '../constructs/scheduler-role.ts';
import { functionTimeout } from '../function-timeouts.ts';
import { addAppOutputs } from './app-outputs.ts';
import { FUNCTION_ACCESS } from './function-access.ts';
import { grantFunctionAccess } from './function-grants.ts';

/** The stateful resources the application uses (the data stack provides them). */
export interface LockstepData {
  readonly table: dynamodb.ITableV2;
  readonly scheduleGroupName: string;
  readonly schedulerDlq: sqs.IQueue;
  readonly secrets: Readonly<Record<SecretName, secretsmanager.ISecret>>;
  /** The SES configuration set every send uses (the sender identity's default). */
  readonly mailConfigurationSetName: string;
}

export interface AppStackProps extends StackProps {
  readonly data: LockstepData;
  /** The verified SES identity guest emails and host alerts come from. */
  readonly senderEmail: string;
  /** The channel partner's messaging API root, where guest messages on airbnb, vrbo and booking go (R5.2). */
  readonly channelMessagingUrl: string;
  /** Protects the hosts' user pool. Default true. */
  readonly deletionProtection?: boolean;
  /** Subscribed to the alarm topic. */
  readonly alarmEmail?: string | undefined;
  /** The hosted sign-in domain's prefix for the dashboard. */
  readonly authDomainPrefix: string;
  /** The built dashboard's folder. */
  readonly dashboardDir: string;
  /** Reserved concurrency of each webhook function; 0 for none. */
  readonly webhookConcurrency?: number;
}

/** The functions anyone on the internet can invoke (signature checked inside): their concurrency is capped. */
const WEBHOOK_FUNCTIONS: readonly FunctionName[] = HTTP_ROUTES.filter(
  (route) => route.auth === 'signed-webhook',
).map((route) => route.function);

/** The stateless half of Lockstep: functions, API, workflow and the scheduler's role. */
export class AppStack extends Stack {
  readonly functions: Record<FunctionName, LockstepFunction>;
  readonly provisioning: ProvisioningWorkflow;
  readonly healthcheck: HealthcheckWorkflow;
  readonly feedReading: FeedReading;
  readonly api: LockstepHttpApi;
  readonly schedulerRole: iam.Role;
  readonly alarms: LockstepAlarms;
  readonly dashboard: DashboardHosting;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    // The data stack's values arrive as its outputs, read at deploy time, not as exports: an export
    // in use blocks every update that would change it, and so the data stack itself.
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);
    const { data } = props;
    // Declared before any grant, so KMS and Secrets Manager grant through our roles' policies
    // instead of editing the data stack's resource policies (which would make the stacks a cycle).
    this.addStackDependency(Stack.of(data.table));

    // Fixed names, so the ARNs are known up front: the entry function schedules itself, and the
    // functions that schedule provisioning need the workflow's ARN without depending on it.
    const entryFunctionName = `${this.stackName}-${functionLabel(ENTRY_FUNCTION)}`;
    const entryFunctionArn = this.formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: entryFunctionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const provisioningArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: provisioningStateMachineName(this.stackName),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    this.schedulerRole = new SchedulerRole(this, 'Scheduler', {
      scheduleGroupName: data.scheduleGroupName,
      entryFunctionArn,
      provisioningStateMachineArn: provisioningArn,
      deadLetterQueue: data.schedulerDlq,
    }).role;

    // Every function gets every variable: lambdas/config/load.ts checks them all at cold start.
    // None is secret, and the fixed-name ARNs keep this free of circular references.
    // What a function may *do* is decided by its IAM grants (FUNCTION_ACCESS), not by these.
    const environment: Record<EnvName, string> = {
      [ENV.tableName]: data.table.tableName,
      [ENV.scheduleGroup]: data.scheduleGroupName,
      [ENV.schedulerRoleArn]: this.schedulerRole.roleArn,
      [ENV.schedulerDlqArn]: data.schedulerDlq.queueArn,
      [ENV.entryFunctionArn]: entryFunctionArn,
      [ENV.provisioningStateMachineArn]: provisioningArn,
      [ENV.senderEmail]: props.senderEmail,
      [ENV.seamApiSecretArn]: data.secrets.seamApi.secretArn,
      [ENV.seamWebhookSecretArn]: data.secrets.seamWebhooks.secretArn,
      [ENV.channelSecretArn]: data.secrets.channelPartner.secretArn,
      [ENV.hostWebhookSecretArn]: data.secrets.hostWebhooks.secretArn,
      [ENV.channelMessagingUrl]: props.channelMessagingUrl,
    };

    const names = Object.keys(FUNCTIONS) as FunctionName[];
    this.functions = Object.fromEntries(
      names.map((name) => {
        const { entry, purpose } = FUNCTIONS[name];
        const fn = new LockstepFunction(this, constructId(name), {
          entry,
          description: purpose,
          environment,
          timeout: functionTimeout(name),
          ...(name === ENTRY_FUNCTION && { functionName: entryFunctionName }),
          // A flood of unsigned requests stops at this many concurrent runs, well short of the table.
          ...(WEBHOOK_FUNCTIONS.includes(name) && { reservedConcurrency: props.webhookConcurrency ?? 0 }),
        });
        return [name, fn];
      }),
    ) as Record<FunctionName, LockstepFunction>;

    const lambdas = Object.fromEntries(
      names.map((name): [FunctionName, lambda.IFunction] => [name, this.functions[name].function]),
    ) as Record<FunctionName, lambda.IFunction>;

    this.provisioning = new ProvisioningWorkflow(this, 'Provisioning', {
      attempt: lambdas[WORKFLOW_TASKS.provisioning.attempt],
      check: lambdas[WORKFLOW_TASKS.provisioning.check],
      namePrefix: this.stackName,
    });

    this.healthcheck = new HealthcheckWorkflow(this, 'Healthcheck', {
      checkShard: lambdas[WORKFLOW_TASKS.healthcheck.checkShard],
      shards: DUE_SHARDS,
      namePrefix: this.stackName,
    });

    this.feedReading = new FeedReading(this, 'FeedReading', {
      readShard: lambdas[FEED_READING_FUNCTION],
      shards: FEED_SHARDS,
      deadLetterQueue: data.schedulerDlq,
    });

    for (const name of names)
      grantFunctionAccess(this, this.functions[name], FUNCTION_ACCESS[name], props, provisioningArn);

    const hosts = new HostUserPool(this, 'Hosts', { deletionProtection: props.deletionProtection ?? true });
    this.api = new LockstepHttpApi(this, 'Http', {
      functions: lambdas,
      jwtIssuer: hosts.issuer,
      // The dashboard's client needs the distribution, which needs the API: its id comes in lazily.
      jwtAudience: [
        hosts.client.userPoolClientId,
        Lazy.string({ produce: () => this.dashboard.signIn.client.userPoolClientId }),
      ],
    });
    this.dashboard = new DashboardHosting(this, 'Dashboard', {
      api: this.api.api,
      userPool: hosts.userPool,
      authDomainPrefix: props.authDomainPrefix,
      dashboardDir: props.dashboardDir,
    });

    this.alarms = new LockstepAlarms(this, 'Alarms', {
      functions: lambdas,
      // EventBridge Scheduler invokes these asynchronously.
      asyncFunctions: [lambdas[ENTRY_FUNCTION], lambdas[FEED_READING_FUNCTION]],
      deadLetterQueues: { SchedulerDlq: data.schedulerDlq },
      stateMachines: {
        Provisioning: this.provisioning.stateMachine,
        Healthcheck: this.healthcheck.stateMachine,
      },
      dailyWorkflows: { Healthcheck: this.healthcheck.stateMachine },
      api: this.api.api,
      alarmEmail: props.alarmEmail,
    });

    this.consumeInbox(data.table, lambdas[INBOX_CONSUMER.function]);
    addAppOutputs(this, hosts);
  }

  /**
   * The table's stream, filtered to channel inbox writes, invokes the inbox consumer one delivery at
   * a time; after its retries a delivery's record goes to the on-failure queue the alarms watch (R9.5).
   */
  private consumeInbox(table: dynamodb.ITableV2, consumer: lambda.IFunction): void {
    consumer.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: INBOX_CONSUMER.batchSize,
        retryAttempts: INBOX_CONSUMER.retryAttempts,
        onFailure: new SqsDlq(this.alarms.asyncFailures),
        // A put over an expired item (TTL deletes lazily) is a MODIFY; TTL's own deletions never pass.
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { Keys: { [PARTITION_KEY]: { S: lambda.FilterRule.beginsWith(INBOX_KEY_PREFIX) } } },
          }),
        ],
      }),
    );
  }
}
