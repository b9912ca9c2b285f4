import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESClient } from '@aws-sdk/client-ses';
import { DynamoFeedStore } from '#adapters/aws/dynamo-feed-store.ts';
import { DynamoStaffStore } from '#adapters/aws/dynamo-staff-store.ts';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { EventBridgeScheduler } from '#adapters/aws/event-bridge-scheduler.ts';
import { PowertoolsMetricsAdapter } from '#adapters/aws/powertools-metrics.ts';
import { SecretValues } from '#adapters/aws/secret-values.ts';
import { SesEmailSender } from '#adapters/aws/ses-email.ts';
import { SesHostNotifier } from '#adapters/aws/ses-host-notifier.ts';
import { SnsSmsSender } from '#adapters/aws/sns-sms.ts';
import { StepFunctionsWorkflows } from '#adapters/aws/step-functions.ts';
import { lazyPort } from '#adapters/common/lazy-port.ts';
import { secureRandom } from '#adapters/common/secure-random.ts';
import { ChannelMessagingHttp } from '#adapters/http/channel-messaging-http.ts';
import { HttpFeedFetcher } from '#adapters/http/feed-fetcher.ts';
import { OutboundWebhookHttp } from '#adapters/http/outbound-webhook-http.ts';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { SEAM_RETRIES, type SeamRetrySettings } from '#config/seam-retries.ts';
import { type Deps, storesOn } from '#core/deps.ts';
import type { LockProviderName } from '#core/model.ts';
import { correlated } from '#handlers/correlation.ts';
import { metrics } from '#handlers/metrics.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import type { Config } from '../config/load.ts';
import { byEntryKind, ENTRY_FUNCTION } from './catalog.ts';

// The Lambda functions' composition root, wired once per cold start. Only DynamoDB, which every
// invocation uses, is built at once; every other SDK client and every secret is loaded by the first
// call that needs it (docs/performance.md, "Cold starts"), so e.g. the host API's read routes never
// load SES or read Seam's key.

export interface AwsDeps extends Deps {
  /** The integration secrets, each read on first need (lambdas/config/secrets.ts). */
  secrets: SecretValues;
  dynamo: DynamoDBClient;
}

export interface AwsDepsOptions {
  /** How hard the Seam client retries: SEAM_RETRIES, or SEAM_RETRIES_BEHIND_API behind the HTTP API. */
  seamRetries?: SeamRetrySettings;
}

export function awsDeps(config: Config, options: AwsDepsOptions = {}): AwsDeps {
  const clock = { now: () => Date.now() };
  const secrets = new SecretValues(
    {
      seamApi: config.seamApiSecretArn,
      seamWebhooks: config.seamWebhookSecretArn,
      channelPartner: config.channelSecretArn,
      hostWebhooks: config.hostWebhookSecretArn,
    },
    async () => new (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient({}),
  );
  const seam = lazyPort<LockProvider>(
    async () =>
      new SeamLockProvider({
        ...(options.seamRetries ?? SEAM_RETRIES),
        apiKey: await secrets.text('seamApi'),
      }),
    { name: 'seam' },
  );
  const lockProvider = (name: LockProviderName): LockProvider => {
    // The sandbox lives in the local runtime only.
    if (name !== 'seam') throw new Error(`lock provider ${name} is not connected in this deployment`);
    return seam;
  };
  const dynamo = new DynamoDBClient({});
  const store = new DynamoStore(dynamo, config.tableName);
  // One SES client for guest email and host alerts, built on the first of either.
  let ses: Promise<SESClient> | undefined;
  const sesClient = () => {
    ses ??= import('@aws-sdk/client-ses').then(({ SESClient }) => new SESClient({}));
    return ses;
  };
  return correlated({
    secrets,
    dynamo,
    ...storesOn(store),
    feeds: new DynamoFeedStore(dynamo, config.tableName),
    staff: new DynamoStaffStore(dynamo, config.tableName),
    // R10.7: https to public addresses only.
    feedFetcher: new HttpFeedFetcher(),
    scheduler: lazyPort(
      async () =>
        new EventBridgeScheduler(
          new (await import('@aws-sdk/client-scheduler')).SchedulerClient({}),
          {
            groupName: config.scheduleGroup,
            roleArn: config.schedulerRoleArn,
            dlqArn: config.schedulerDlqArn,
            targets: byEntryKind({
              provisioning: config.provisioningStateMachineArn,
              [ENTRY_FUNCTION]: config.entryFunctionArn,
            }),
          },
          clock.now,
        ),
    ),
    workflows: lazyPort(
      async () =>
        new StepFunctionsWorkflows(
          new (await import('@aws-sdk/client-sfn')).SFNClient({}),
          config.provisioningStateMachineArn,
        ),
    ),
    lockProvider,
    email: lazyPort(async () => new SesEmailSender(await sesClient(), config.senderEmail)),
    sms: lazyPort(async () => new SnsSmsSender(new (await import('@aws-sdk/client-sns')).SNSClient({}))),
    // Requests to the partner are signed with the first (current) channel secret.
    channelMessenger: lazyPort(async () => {
      const [current] = await secrets.list('channelPartner');
      return new ChannelMessagingHttp({ baseUrl: config.channelMessagingUrl, signingSecret: current ?? '' });
    }),
    hostNotifier: lazyPort(
      async () =>
        new SesHostNotifier(await sesClient(), {
          from: config.senderEmail,
          addressOf: async (hostId) => (await store.getHostContact(hostId))?.alertEmail,
          fallback: config.senderEmail,
        }),
    ),
    outboundWebhooks: lazyPort(
      async () => new OutboundWebhookHttp({ signingSecret: await secrets.text('hostWebhooks') }),
    ),
    metrics: new PowertoolsMetricsAdapter(metrics),
    clock,
    random: secureRandom,
    newId: randomUUID,
  });
}
