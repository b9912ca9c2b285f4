import type { Scenario } from './scenario.ts';

/**
 * Every platform fault on (R9.5), at the rates `npm run bench:faults` and the generated-faults test
 * both hold the product to, so the two always measure the same storm. A generated stay's events lie
 * days apart, so reordering reaches back three days: with the contract's 10 minutes none would swap.
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
  channelWebhooks: { duplicateRate: 0.1, reorderWithinMinutes: 4320 },
  functionCrashRate: 0.01,
  schedulerDuplicateRate: 0.01,
};
