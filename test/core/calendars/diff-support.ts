import { type DiffInput, type DiffResult, diffRead, type GoodRead } from '#core/calendars/diff-reads.ts';
import { emptyFeedState, type FeedState } from '#core/calendars/feed-state.ts';
import { stayTimes } from '#core/calendars/stay-times.ts';
import type { FeedChannel, Stay } from '#core/calendars/types.ts';

// Builders for the diff's tests: stays in America/New_York, reads, and a feed read again and again.

export const TIME_ZONE = 'America/New_York';
export const MINUTE = 60_000;

/** An all-day stay from `start` to `end` (`YYYY-MM-DD`), with the property's default times. */
export function stay(uid: string, start: string, end: string, extra: Partial<Stay> = {}): Stay {
  return {
    ...stayTimes(
      {
        kind: 'stay',
        uid,
        start: { kind: 'date', date: start },
        end: { kind: 'date', date: end },
        guestName: '',
      },
      { timeZone: TIME_ZONE },
    ),
    ...extra,
  };
}

export const readOf = (stays: Stay[], extra: Partial<GoodRead> = {}): GoodRead => ({
  stays,
  mergedAway: [],
  blocks: 0,
  heldUids: [],
  ...extra,
});

/** A feed read in turn: each call diffs one read against the state the previous one left. */
export function feedOf(channel: FeedChannel = 'airbnb', state: FeedState = emptyFeedState()) {
  let current = state;
  return {
    read(read: GoodRead, now: number, extra: Partial<DiffInput> = {}): DiffResult {
      const result = diffRead({
        feedId: 'feed-1',
        channel,
        propertyId: 'prop-1',
        timeZone: TIME_ZONE,
        state: current,
        read,
        now,
        ...extra,
      });
      current = result.state;
      return result;
    },
    get state() {
      return current;
    },
  };
}

/** The commands as `kind uid` lines: enough to read a test's expectation at a glance. */
export const summary = (result: DiffResult): string[] => result.commands.map((c) => `${c.kind} ${c.uid}`);
