import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type DeploySettings, readDeploySettings } from './deploy-settings.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

export interface LockstepApp {
  readonly app: App;
  readonly settings: DeploySettings;
  readonly data: DataStack;
  readonly application: AppStack;
}

/**
 * Builds the Lockstep CDK app: the data stack, the application stack, and the cdk-nag AwsSolutions
 * checks. Account-agnostic with no lookups, so it synthesizes offline without credentials. The
 * context values are read and checked by `readDeploySettings` (docs/deploy.md lists them): a
 * placeholder stops synth unless `demo=true`.
 */
export function buildLockstepApp(props: AppProps = {}): LockstepApp {
  const app = new App(props);
  const settings = readDeploySettings(app.node);
  // TableV2 renders its KMS key per replica region, so the region is concrete; the account is not.
  const env = { region: settings.region };
  // The construct ids stay fixed (`cdk deploy LockstepApp`); the stack names carry the stage.
  const prefix = `lockstep-${settings.stage}`;

  const data = new DataStack(app, 'LockstepData', {
    env,
    stackName: `${prefix}-data`,
    scheduleGroupName: prefix,
    deletionProtection: settings.deletionProtection,
    senderEmail: settings.senderEmail,
    senderDomain: settings.senderDomain,
  });
  const application = new AppStack(app, 'LockstepApp', {
    env,
    stackName: `${prefix}-app`,
    data,
    senderEmail: settings.senderEmail,
    channelMessagingUrl: settings.channelMessagingUrl,
    deletionProtection: settings.deletionProtection,
    alarmEmail: settings.alarmEmail,
    authDomainPrefix: settings.authDomainPrefix,
    dashboardDir: settings.dashboardDir,
    webhookConcurrency: settings.webhookConcurrency,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, settings, data, application };
}
