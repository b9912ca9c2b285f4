import type { Scenario } from './scenario.ts';

/**
 * Every platform fault on (R9.5), at the rates `npm run bench:faults` and the generated-faults test
 * both hold the product to, so the two always measure the same storm.
 */
export const EVERY_FAULT: NonNullable<Scenario['faults']> = {
  seed: 3,
  store: { errorRate: 0.02, ambiguousWriteRate: 0.005 },
  lockProvider: {
    errorRate: 0.05,
    lostWebhookRate: 0.05,
    duplicateWebhookRate: 0.05,
    webhookDelayMinutes: [0, 30],
  },
  channelWebhooks: { duplicateRate: 0.1, reorderWithinMinutes: 10 },
  functionCrashRate: 0.01,
  schedulerDuplicateRate: 0.01,
};
