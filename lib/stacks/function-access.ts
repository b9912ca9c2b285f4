import type { FunctionName } from '../../lambdas/functions/catalog.ts';

/** What each function may touch beyond the table, which every function reads and writes. */
export interface FunctionAccess {
  /** Creates, moves and deletes per-reservation schedules (R2.4). */
  readonly managesSchedules: boolean;
  /** Verifies inbound webhook signatures (R9.1). */
  readonly readsWebhookSecrets: boolean;
  /** Sends guest email/SMS and host alerts (R5, R8.2). */
  readonly sendsMessages: boolean;
  /** Starts the provisioning workflow at once, without a schedule. */
  readonly startsProvisioning: boolean;
}

const NONE: FunctionAccess = {
  managesSchedules: false,
  readsWebhookSecrets: false,
  sendsMessages: false,
  startsProvisioning: false,
};

export const FUNCTION_ACCESS: Record<FunctionName, FunctionAccess> = {
  channelWebhook: { ...NONE, managesSchedules: true, readsWebhookSecrets: true },
  lockWebhook: { ...NONE, readsWebhookSecrets: true },
  hostApi: { ...NONE, managesSchedules: true },
  scheduledJob: { ...NONE, managesSchedules: true, sendsMessages: true, startsProvisioning: true },
  provisionAttempt: { ...NONE, sendsMessages: true },
  provisionCheck: { ...NONE, sendsMessages: true },
};
