import type { FeedResponse } from '#ports/feed-fetcher.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, StaleWriteError } from '../errors.ts';
import type { Instant } from '../model.ts';
import { carryOutCommand } from './carry-out.ts';
import type { ReadCounts } from './diff-reads.ts';
import type { CalendarFeed } from './feed.ts';
import { afterRead, alertIfFailing, type ReadOutcome } from './feed-health.ts';
import { type FeedPlan, type Fetched, planPropertyReads } from './plan-reads.ts';

// One round of reads of a property's feeds (R10.1): fetched with conditional GETs, planned across
// the property's feeds (R10.4, R10.6), carried out, and each feed saved with its health (R10.5).

export const READ_EVERY_MS = 15 * 60_000;

export interface SyncResult extends ReadCounts {
  feeds: number;
  failed: number;
}

export interface SyncOptions {
  /** Read every feed of the property (the host asked), not only those due. */
  all?: boolean | undefined;
}

/** A fetch's answer as the plan takes it; a 304 with no good read behind it is a failed read. */
function fetched(response: FeedResponse, feed: CalendarFeed): Fetched {
  if (response.kind === 'body') return { ok: true, body: response.body, byteLength: response.byteLength };
  if (response.kind === 'not_modified') {
    return feed.state.lastGoodReadAt === undefined
      ? { ok: false, error: 'not_modified without an earlier read' }
      : { ok: true, unchanged: true };
  }
  return { ok: false, error: response.status ? `${response.problem} ${response.status}` : response.problem };
}

function outcomeOf(plan: FeedPlan): ReadOutcome {
  if (plan.outcome === 'failed') return { ok: false, problem: plan.error };
  if (plan.outcome === 'problem') return { ok: false, problem: `body ${plan.problem.problem}` };
  return { ok: true, staysSeen: plan.state.stays.filter((k) => k.missingFrom.length === 0).length };
}

/** Validators only of a good read: a 304 to a bad body's ETag would pass for the last good calendar. */
const validatorsOf = (
  response: FeedResponse,
  feed: CalendarFeed,
  plan: FeedPlan,
): CalendarFeed['validators'] =>
  response.kind === 'body' && plan.outcome === 'read'
    ? { etag: response.etag, lastModified: response.lastModified }
    : feed.validators;

async function saveRead(
  deps: Deps,
  feed: CalendarFeed,
  plan: FeedPlan,
  response: FeedResponse,
  now: Instant,
): Promise<void> {
  const health = await alertIfFailing(deps, feed, afterRead(feed.health, outcomeOf(plan), now), now);
  const next: CalendarFeed = {
    ...feed,
    state: plan.state,
    health,
    validators: validatorsOf(response, feed, plan),
    nextReadAt: now + READ_EVERY_MS,
    version: feed.version + 1,
  };
  try {
    await deps.feeds.saveFeed(next, feed.version);
  } catch (error) {
    // Another read of this feed was saved first (or the host removed it): its state stands.
    if (!(error instanceof StaleWriteError)) throw error;
  }
}

/**
 * Reads the property's due feeds (every feed when `all`). Feeds not read take part in R10.6's merge
 * with their last good read and are not saved.
 */
export async function syncProperty(
  deps: Deps,
  hostId: string,
  propertyId: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const property = await deps.properties.getProperty(hostId, propertyId);
  if (!property) throw new NotFoundError('property', 'propertyId');
  const now = deps.clock.now();
  const feeds = await deps.feeds.listFeeds(hostId, propertyId);
  const toRead = feeds.filter((f) => options.all || f.nextReadAt <= now);
  const responses = new Map(
    await Promise.all(
      toRead.map(
        async (f) => [f.calendarId, await deps.feedFetcher.fetch({ url: f.url, ...f.validators })] as const,
      ),
    ),
  );
  const plans = planPropertyReads({
    propertyId,
    settings: property.settings,
    now,
    feeds: feeds.map((f) => {
      const response = responses.get(f.calendarId);
      return {
        feedId: f.calendarId,
        channel: f.channel,
        state: f.state,
        fetched: response ? fetched(response, f) : { ok: false, error: 'not read this round' },
      };
    }),
  });
  const result: SyncResult = {
    added: 0,
    changed: 0,
    cancelled: 0,
    unchanged: 0,
    ignored: 0,
    feeds: 0,
    failed: 0,
  };
  for (const [i, feed] of feeds.entries()) {
    const plan = plans[i];
    const response = responses.get(feed.calendarId);
    if (!plan || !response) continue;
    for (const command of plan.commands) await carryOutCommand(deps, hostId, feed.calendarId, command, now);
    await saveRead(deps, feed, plan, response, now);
    result.feeds += 1;
    if (plan.outcome !== 'read') {
      result.failed += 1;
      continue;
    }
    for (const key of ['added', 'changed', 'cancelled', 'unchanged', 'ignored'] as const)
      result[key] += plan.counts[key];
  }
  return result;
}
