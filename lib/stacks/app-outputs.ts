import { CfnOutput } from 'aws-cdk-lib';
import type { HostUserPool } from '../constructs/host-user-pool.ts';
import type { AppStack } from './app-stack.ts';

/** What an operator needs by name after a deploy (docs/deploy.md and docs/operations.md use each). */
export function addAppOutputs(stack: AppStack, hosts: HostUserPool): void {
  const values: Record<string, [value: string, description: string]> = {
    ApiUrl: [
      stack.api.stage.url,
      'The HTTP API: webhook URLs are this plus webhooks/channel and webhooks/locks',
    ],
    HostUserPoolId: [hosts.userPool.userPoolId, 'Create host users here'],
    HostUserPoolClientId: [hosts.client.userPoolClientId, 'The app client for API clients (SRP sign-in)'],
    DashboardClientId: [stack.dashboard.signIn.client.userPoolClientId, "The dashboard's app client"],
    AlarmTopicArn: [stack.alarms.topic.topicArn, 'Every alarm notifies this topic'],
    AsyncFailuresQueueUrl: [
      stack.alarms.asyncFailures.queueUrl,
      'Scheduled-entry and feed-reading events Lambda gave up on',
    ],
    ProvisioningStateMachineArn: [
      stack.provisioning.stateMachine.stateMachineArn,
      'The provisioning workflow',
    ],
    HealthcheckStateMachineArn: [stack.healthcheck.stateMachine.stateMachineArn, 'The daily healthcheck'],
  };
  for (const [id, [value, description]] of Object.entries(values))
    new CfnOutput(stack, id, { value, description });
}
