import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

export interface LockstepApp {
  readonly app: App;
  readonly data: DataStack;
  readonly application: AppStack;
}

const DEFAULT_SENDER_EMAIL = 'codes@example.com';
const DEFAULT_CHANNEL_MESSAGING_URL = 'https://channel-partner.example/lockstep';
const DEFAULT_REGION = 'us-east-1';

/**
 * Builds the Lockstep CDK app: the data stack, the application stack, and the cdk-nag AwsSolutions
 * checks. Account-agnostic with no lookups, so it synthesizes offline without credentials.
 * Context: `region` (default us-east-1), `senderEmail` (default codes@example.com),
 * `channelMessagingUrl` (the channel partner's messaging API root),
 * `deletionProtection` (default true).
 */
export function buildLockstepApp(props: AppProps = {}): LockstepApp {
  const app = new App(props);
  const senderEmail = String(app.node.tryGetContext('senderEmail') ?? DEFAULT_SENDER_EMAIL);
  const channelMessagingUrl = String(
    app.node.tryGetContext('channelMessagingUrl') ?? DEFAULT_CHANNEL_MESSAGING_URL,
  );
  const deletionProtection = String(app.node.tryGetContext('deletionProtection') ?? 'true') !== 'false';
  // TableV2 renders its KMS key per replica region, so the region is concrete; the account is not.
  const env = { region: String(app.node.tryGetContext('region') ?? DEFAULT_REGION) };

  const data = new DataStack(app, 'LockstepData', { env, deletionProtection });
  const application = new AppStack(app, 'LockstepApp', {
    env,
    data,
    senderEmail,
    channelMessagingUrl,
    deletionProtection,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, application };
}
