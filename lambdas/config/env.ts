import { SECRETS } from './secrets.ts';

// Environment variable names, shared by the CDK stacks (which set them) and the functions (which read them).
export const ENV = {
  tableName: 'LOCKSTEP_TABLE_NAME',
  scheduleGroup: 'LOCKSTEP_SCHEDULE_GROUP',
  schedulerRoleArn: 'LOCKSTEP_SCHEDULER_ROLE_ARN',
  schedulerDlqArn: 'LOCKSTEP_SCHEDULER_DLQ_ARN',
  entryFunctionArn: 'LOCKSTEP_ENTRY_FUNCTION_ARN',
  provisioningStateMachineArn: 'LOCKSTEP_PROVISIONING_STATE_MACHINE_ARN',
  senderEmail: 'LOCKSTEP_SENDER_EMAIL',
  seamApiSecretArn: SECRETS.seamApi.env,
  seamWebhookSecretArn: SECRETS.seamWebhooks.env,
  channelSecretArn: SECRETS.channelPartner.env,
  hostWebhookSecretArn: SECRETS.hostWebhooks.env,
  /** The channel partner's messaging API root (R5.2). */
  channelMessagingUrl: 'LOCKSTEP_CHANNEL_MESSAGING_URL',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];
