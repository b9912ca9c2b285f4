import type { SecretName } from '../../lambdas/config/secrets.ts';
import type { FunctionName } from '../../lambdas/functions/catalog.ts';

/** What each function may touch beyond the table, which every function reads and writes. */
export interface FunctionAccess {
  /** Creates, moves and deletes per-reservation schedules (R2.4). */
  readonly managesSchedules: boolean;
  /** Sends guest email/SMS and host alerts (R5, R8.2). */
  readonly sendsMessages: boolean;
  /** Starts the provisioning workflow at once, without a schedule. */
  readonly startsProvisioning: boolean;
  /** The integration secrets its code can need (test/lib/stacks/function-access.test.ts checks the code). */
  readonly readsSecrets: readonly SecretName[];
}

const NONE: FunctionAccess = {
  managesSchedules: false,
  sendsMessages: false,
  startsProvisioning: false,
  // Every function's code can reach a lock (Seam), a guest message through the channel partner and
  // an access_method webhook to the host (R6.5).
  readsSecrets: ['seamApi', 'channelPartner', 'hostWebhooks'],
};

export const FUNCTION_ACCESS: Record<FunctionName, FunctionAccess> = {
  // The webhook only stores admitted deliveries; the inbox consumer acts on them (R9.5).
  channelWebhook: NONE,
  channelInbox: { ...NONE, managesSchedules: true },
  // R8.2: a lock reported disconnected is the host's alert email.
  lockWebhook: {
    ...NONE,
    sendsMessages: true,
    readsSecrets: [...NONE.readsSecrets, 'seamWebhooks'],
  },
  // R5.5: a host message rendered with the shortcode may be sent to the guest at once.
  hostApi: { ...NONE, managesSchedules: true, startsProvisioning: true, sendsMessages: true },
  scheduledEntry: { ...NONE, managesSchedules: true, sendsMessages: true, startsProvisioning: true },
  provisionAttempt: { ...NONE, sendsMessages: true },
  provisionCheck: { ...NONE, sendsMessages: true },
  // R4.3: a backup's webhook, or the host's alert when none is available.
  healthcheckShard: { ...NONE, sendsMessages: true },
  // R10.1: a plain function for now, no trigger yet; feed stays are accepted like channel bookings
  // (schedules, an immediate provisioning) and R10.5's alert is an email.
  feedShard: { ...NONE, managesSchedules: true, startsProvisioning: true, sendsMessages: true },
};
