import type { Deps } from '../deps.ts';
import { feedFailingAlert } from '../messages/host-alert.ts';
import { messageKey } from '../messages/message-id.ts';
import type { Instant } from '../model.ts';
import type { CalendarFeed, FeedHealth } from './feed.ts';

// R10.5: how a feed's reads went, and the one alert a run of failures earns the host after 6 hours.

export const ALERT_AFTER_MS = 6 * 60 * 60_000;

/** One read's outcome as the health counts take it: the stays it listed, or why it failed. */
export type ReadOutcome = { ok: true; staysSeen: number } | { ok: false; problem: string };

/** The health after a read: a good read ends the run of failures, so a later run may alert again. */
export function afterRead(health: FeedHealth, outcome: ReadOutcome, now: Instant): FeedHealth {
  const counted = { ...health, reads: health.reads + 1, lastReadAt: now };
  if (outcome.ok) {
    return { ...counted, staysSeen: outcome.staysSeen, failingSince: undefined, alertedAt: undefined };
  }
  return {
    ...counted,
    failedReads: health.failedReads + 1,
    lastError: { at: now, problem: outcome.problem },
    failingSince: health.failingSince ?? now,
  };
}

/** Failing without a break for 6 hours, and not alerted about this run yet. */
export const alertDue = (health: FeedHealth, now: Instant): boolean =>
  health.failingSince !== undefined &&
  health.alertedAt === undefined &&
  now - health.failingSince >= ALERT_AFTER_MS;

/**
 * Sends the run's alert when it is due and returns the health to store. The message id is the
 * run's, so a retried read whose save was lost sends no second copy; a failed send is tried again
 * at the next read. The alert names the property and channel, never the URL (R10.7).
 */
export async function alertIfFailing(
  deps: Deps,
  feed: CalendarFeed,
  health: FeedHealth,
  now: Instant,
): Promise<FeedHealth> {
  if (!alertDue(health, now) || health.failingSince === undefined) return health;
  const property = await deps.properties.getProperty(feed.hostId, feed.propertyId);
  const content = feedFailingAlert({
    propertyName: property?.name ?? feed.propertyId,
    channel: feed.channel,
    since: health.failingSince,
    timeZone: property?.settings.timeZone ?? 'UTC',
    problem: health.lastError?.problem ?? 'unknown',
  });
  try {
    await deps.hostNotifier.notifyHost({
      messageId: messageKey('alert-feedfailing', [feed.hostId, feed.calendarId], health.failingSince),
      hostId: feed.hostId,
      kind: 'feed_failing',
      ...content,
    });
  } catch {
    return health;
  }
  return { ...health, alertedAt: now };
}
