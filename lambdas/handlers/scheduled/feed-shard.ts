import * as z from 'zod';
import { readDueFeeds } from '#core/calendars/read-due-feeds.ts';
import type { Deps } from '#core/deps.ts';
import { validate } from '../http/validate.ts';

/** One shard of the calendar feeds due now (R10.1): the scheduled reading, every 15 minutes. */
const FeedShardEvent = z.object({ shard: z.number().int().min(0) });

export const feedShard = (deps: Deps) => async (event: unknown) =>
  readDueFeeds(deps, validate(FeedShardEvent, event).shard);
