import * as z from 'zod';
import type { Deps } from '#core/deps.ts';
import { runHealthcheckShard } from '#core/provisioning/healthcheck.ts';
import { validate } from '../http/validate.ts';

/** One Distributed Map item of the daily healthcheck: a `byDue` shard number (R4.3). */
const HealthcheckShardEvent = z.object({ shard: z.number().int().min(0) });

export const healthcheckShard = (deps: Deps) => async (event: unknown) =>
  runHealthcheckShard(deps, validate(HealthcheckShardEvent, event).shard);
