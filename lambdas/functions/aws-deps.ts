import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoFeedStore } from '#adapters/aws/dynamo-feed-store.ts';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { EventBridgeScheduler } from '#adapters/aws/event-bridge-scheduler.ts';
import { PowertoolsMetricsAdapter } from '#adapters/aws/powertools-metrics.ts';
import { SesEmailSender } from '#adapters/aws/ses-email.ts';
import { SesHostNotifier } from '#adapters/aws/ses-host-notifier.ts';
import { SnsSmsSender } from '#adapters/aws/sns-sms.ts';
import { StepFunctionsWorkflows } from '#adapters/aws/step-functions.ts';
import { secureRandom } from '#adapters/common/secure-random.ts';
import { ChannelMessagingHttp } from '#adapters/http/channel-messaging-http.ts';
import { HttpFeedFetcher } from '#adapters/http/feed-fetcher.ts';
import { OutboundWebhookHttp } from '#adapters/http/outbound-webhook-http.ts';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { type Deps, storesOn } from '#core/deps.ts';
import type { LockProviderName } from '#core/model.ts';
import { correlated } from '#handlers/correlation.ts';
import { metrics } from '#handlers/metrics.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import type { Config } from '../config/load.ts';
import { byEntryKind, ENTRY_FUNCTION } from './catalog.ts';

// The Lambda functions' composition root: AWS adapters wired once per cold start.

/** The integration secret: webhook secrets per sender (two during a rotation, R9.1) and Seam's API key. */
export interface Secrets {
  channel: string[];
  lockProvider: string[];
  seamApiKey: string;
  /** Signs `access_method.*` webhooks to hosts (R6.5); the current channel secret when absent. */
  outbound?: string | undefined;
}

/** Read once per cold start. */
async function loadSecrets(config: Config): Promise<Secrets> {
  const secret = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: config.webhookSecretsArn }),
  );
  const parsed = JSON.parse(secret.SecretString ?? '{}') as Partial<Secrets>;
  return {
    channel: parsed.channel ?? [],
    lockProvider: parsed.lockProvider ?? [],
    seamApiKey: parsed.seamApiKey ?? '',
    outbound: parsed.outbound,
  };
}

export interface AwsDeps extends Deps {
  secrets: Secrets;
}

export async function awsDeps(config: Config): Promise<AwsDeps> {
  const secrets = await loadSecrets(config);
  const clock = { now: () => Date.now() };
  const seam = new SeamLockProvider({ apiKey: secrets.seamApiKey });
  const lockProvider = (name: LockProviderName): LockProvider => {
    // The sandbox lives in the local runtime only.
    if (name !== 'seam') throw new Error(`lock provider ${name} is not connected in this deployment`);
    return seam;
  };
  const dynamo = new DynamoDBClient({});
  const store = new DynamoStore(dynamo, config.tableName);
  const ses = new SESClient({});
  return correlated({
    secrets,
    ...storesOn(store),
    feeds: new DynamoFeedStore(dynamo, config.tableName),
    // R10.7: https to public addresses only.
    feedFetcher: new HttpFeedFetcher(),
    scheduler: new EventBridgeScheduler(
      new SchedulerClient({}),
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
    workflows: new StepFunctionsWorkflows(new SFNClient({}), config.provisioningStateMachineArn),
    lockProvider,
    email: new SesEmailSender(ses, config.senderEmail),
    sms: new SnsSmsSender(new SNSClient({})),
    // Requests to the partner are signed with the first (current) channel secret.
    channelMessenger: new ChannelMessagingHttp({
      baseUrl: config.channelMessagingUrl,
      signingSecret: secrets.channel[0] ?? '',
    }),
    hostNotifier: new SesHostNotifier(ses, {
      from: config.senderEmail,
      addressOf: async (hostId) => (await store.getHostContact(hostId))?.alertEmail,
      fallback: config.senderEmail,
    }),
    outboundWebhooks: new OutboundWebhookHttp({
      signingSecret: secrets.outbound ?? secrets.channel[0] ?? '',
    }),
    metrics: new PowertoolsMetricsAdapter(metrics),
    clock,
    random: secureRandom,
    newId: randomUUID,
  });
}
