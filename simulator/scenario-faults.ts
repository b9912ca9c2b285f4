import { z } from 'zod';

// Version 2's platform faults (docs/simulation-contract.md, "Platform faults", R9.5). Every part is
// optional and off when absent; unknown fields are refused like everywhere in a scenario.

const rate = z.number().min(0, 'must be a rate from 0 to 1').max(1, 'must be a rate from 0 to 1');
const minutes = z.number().min(0).max(1440);

const StoreFaults = z.object({ errorRate: rate.default(0), ambiguousWriteRate: rate.default(0) }).strict();

const LockProviderFaults = z
  .object({
    errorRate: rate.default(0),
    lostWebhookRate: rate.default(0),
    duplicateWebhookRate: rate.default(0),
    webhookDelayMinutes: z
      .tuple([minutes, minutes])
      .refine(([from, to]) => from <= to, 'must be [least, most] minutes')
      .default([0, 0]),
  })
  .strict();

const ChannelWebhookFaults = z
  .object({ duplicateRate: rate.default(0), reorderWithinMinutes: z.number().min(0).max(60).default(0) })
  .strict();

export const Faults = z
  .object({
    seed: z.number().int(),
    store: StoreFaults.default(StoreFaults.parse({})),
    lockProvider: LockProviderFaults.default(LockProviderFaults.parse({})),
    channelWebhooks: ChannelWebhookFaults.default(ChannelWebhookFaults.parse({})),
    functionCrashRate: rate.default(0),
    schedulerDuplicateRate: rate.default(0),
  })
  .strict();
