// Every Lambda function of Lockstep: its entry file under lambdas/functions/ and what it serves.
export const FUNCTIONS = {
  channelWebhook: {
    entry: 'channel-webhook.ts',
    purpose: 'POST /webhooks/channel: signed channel partner events',
  },
  lockWebhook: { entry: 'lock-webhook.ts', purpose: 'POST /webhooks/locks: signed lock provider events' },
  hostApi: { entry: 'host-api.ts', purpose: 'ANY /v1/*: the host API behind the JWT authorizer' },
  scheduledEntry: {
    entry: 'scheduled-entry.ts',
    purpose: 'EventBridge Scheduler target: guest message and deletion',
  },
  provisionAttempt: {
    entry: 'provision-attempt.ts',
    purpose: 'Provisioning workflow task: request codes on locks',
  },
  provisionCheck: {
    entry: 'provision-check.ts',
    purpose: 'Provisioning workflow task: confirmations and the retry plan',
  },
  healthcheckShard: {
    entry: 'healthcheck-shard.ts',
    purpose: 'Daily healthcheck task: one shard of the codes due in 24 hours (R4.3)',
  },
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

/** The provisioning workflow's task functions, in the order the workflow runs them. */
export const PROVISIONING_TASKS = [
  'provisionAttempt',
  'provisionCheck',
] as const satisfies readonly FunctionName[];
