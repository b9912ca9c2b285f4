import type { Instant } from '../model.ts';
import { channelOfProdId, interpretEvent } from './channel-events.ts';
import { type DiffResult, diffRead, type FeedCommand } from './diff-reads.ts';
import type { FeedState } from './feed-state.ts';
import { type MergedAway, mergePropertyStays } from './merge-feeds.ts';
import { type DuplicateUid, type FeedProblem, parseFeed, type SkippedEvent } from './parse-feed.ts';
import { type StayTimeSettings, stayTimes } from './stay-times.ts';
import type { FeedChannel, Stay } from './types.ts';

// One round of reads for a property: every feed's body parsed and interpreted, one stay per stay
// across the feeds (R10.6), then each good read compared with its feed's state (R10.4). A failed
// read changes nothing; the caller fetched the bodies and carries out the commands.

/** `unchanged`: the server answered 304 to a conditional GET, so the body is the last good read's. */
export type Fetched =
  | { ok: true; body: string; byteLength: number }
  | { ok: true; unchanged: true }
  | { ok: false; error: string };

export interface FeedToRead {
  feedId: string;
  channel: FeedChannel;
  state: FeedState;
  fetched: Fetched;
}

export interface PropertyRead {
  propertyId: string;
  settings: StayTimeSettings;
  feeds: FeedToRead[];
  now: Instant;
}

export type FeedPlan =
  | { feedId: string; outcome: 'failed'; error: string; state: FeedState; commands: FeedCommand[] }
  | { feedId: string; outcome: 'problem'; problem: FeedProblem; state: FeedState; commands: FeedCommand[] }
  | ({
      feedId: string;
      outcome: 'read';
      skipped: SkippedEvent[];
      duplicates: DuplicateUid[];
      mergedAway: MergedAway[];
      /** The PRODID names another channel than the host chose: its stays may be read wrongly. */
      channelMismatch?: FeedChannel | undefined;
    } & DiffResult);

/** A good body's stays and what else the diff needs from it. */
export interface ReadBody {
  ok: true;
  stays: Stay[];
  blocks: number;
  heldUids: string[];
  skipped: SkippedEvent[];
  duplicates: DuplicateUid[];
  channelMismatch?: FeedChannel | undefined;
}

/** One body: parsed, each event read in its channel's words, each stay placed in the property's zone. */
export function readFeedBody(
  channel: FeedChannel,
  fetched: { body: string; byteLength: number },
  settings: StayTimeSettings,
): ReadBody | { ok: false; problem: FeedProblem } {
  const parsed = parseFeed(fetched.body, fetched.byteLength);
  if (!parsed.ok) return parsed;
  const events = parsed.events.map((e) => interpretEvent(channel, e));
  const named = channelOfProdId(parsed.prodId);
  return {
    ok: true,
    stays: events.flatMap((e) => (e.kind === 'stay' ? [stayTimes(e, settings)] : [])),
    blocks: events.filter((e) => e.kind === 'block').length,
    heldUids: parsed.skipped.flatMap((s) => (s.uid && s.reason !== 'cancelled_status' ? [s.uid] : [])),
    skipped: parsed.skipped,
    duplicates: parsed.duplicates,
    channelMismatch: named !== undefined && named !== 'other' && named !== channel ? named : undefined,
  };
}

/** Stays a feed listed at its last good read: a failed feed's stand-ins in R10.6's merge. */
const lastListed = (state: FeedState): Stay[] =>
  state.stays.filter((k) => k.missingFrom.length === 0).map((k) => k.stay);

type Reading =
  | { kind: 'failed'; error: string }
  | { kind: 'problem'; problem: FeedProblem }
  | { kind: 'good'; body: ReadBody };

/** A 304: the last good read again, so stays it lacked stay missing and their count goes on (R10.4). */
const sameAsLastRead = (state: FeedState): ReadBody => ({
  ok: true,
  stays: lastListed(state),
  blocks: 0,
  heldUids: [],
  skipped: [],
  duplicates: [],
});

function reading(feed: FeedToRead, settings: StayTimeSettings): Reading {
  if (!feed.fetched.ok) return { kind: 'failed', error: feed.fetched.error };
  if ('unchanged' in feed.fetched) return { kind: 'good', body: sameAsLastRead(feed.state) };
  const body = readFeedBody(feed.channel, feed.fetched, settings);
  return body.ok ? { kind: 'good', body } : { kind: 'problem', problem: body.problem };
}

export function planPropertyReads(input: PropertyRead): FeedPlan[] {
  const readings = input.feeds.map((feed) => ({ feed, read: reading(feed, input.settings) }));
  const merged = mergePropertyStays(
    readings.map(({ feed, read }) => ({
      feedId: feed.feedId,
      stays: read.kind === 'good' ? read.body.stays : lastListed(feed.state),
    })),
  );
  return readings.map(({ feed, read }, i): FeedPlan => {
    const unchanged = { feedId: feed.feedId, state: feed.state, commands: [] };
    if (read.kind === 'failed') return { ...unchanged, outcome: 'failed', error: read.error };
    if (read.kind === 'problem') return { ...unchanged, outcome: 'problem', problem: read.problem };
    const { body } = read;
    const mergedAway = merged.mergedAway.filter((m) => m.feedId === feed.feedId);
    const diff = diffRead({
      feedId: feed.feedId,
      channel: feed.channel,
      propertyId: input.propertyId,
      timeZone: input.settings.timeZone,
      state: feed.state,
      read: {
        stays: merged.feeds[i]?.stays ?? [],
        mergedAway: mergedAway.map((m) => m.uid),
        blocks: body.blocks,
        heldUids: body.heldUids,
      },
      now: input.now,
    });
    return {
      feedId: feed.feedId,
      outcome: 'read',
      skipped: body.skipped,
      duplicates: body.duplicates,
      mergedAway,
      channelMismatch: body.channelMismatch,
      ...diff,
    };
  });
}
