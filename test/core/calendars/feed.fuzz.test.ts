import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedState } from '#core/calendars/feed-state.ts';
import { emptyFeedState } from '#core/calendars/feed-state.ts';
import { parseFeed } from '#core/calendars/parse-feed.ts';
import { planPropertyReads, readFeedBody } from '#core/calendars/plan-reads.ts';
import type { FeedChannel } from '#core/calendars/types.ts';
import { at, type FixtureName, fixtureText } from './fixtures.ts';

// Real-shaped feeds, mutated the ways transfers and exports go wrong: whatever comes in, nothing
// throws, and no stay is cancelled by a read that is not a good one.

const RUNS = { numRuns: 300 };
const SETTINGS = { timeZone: 'America/New_York' };
const T0 = at('2026-01-01T12:00:00Z');
const MINUTE = 60_000;

const FEEDS: [FixtureName, FeedChannel][] = [
  ['airbnb-2022.ics', 'airbnb'],
  ['airbnb-2025.ics', 'airbnb'],
  ['vrbo.ics', 'vrbo'],
  ['abritel.ics', 'vrbo'],
  ['booking.ics', 'booking'],
  ['pms-icloud.ics', 'other'],
  ['outlook-windows-zone.ics', 'other'],
  ['broken-events.ics', 'airbnb'],
];
const feed = fc.constantFrom(...FEEDS.map(([name, channel]) => ({ text: fixtureText(name), channel })));

type Mutation = (text: string) => string;
const lines = (text: string) => text.split(/\r?\n/);
const withLines = (text: string, edit: (l: string[]) => string[]) => edit(lines(text)).join('\r\n');
const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];
const dateLines = (l: string[]) => l.flatMap((line, i) => (/^DT(START|END)/i.test(line) ? [i] : []));

/** The n-th event's DTSTART and DTEND values trade places. */
function swapDates(l: string[], n: number): string[] {
  const start = pick(
    l.flatMap((line, i) => (/^DTSTART/i.test(line) ? [i] : [])),
    n,
  );
  const end = l.findIndex((line, i) => start !== undefined && i > start && /^DTEND/i.test(line));
  const [a, b] = [l[start ?? -1], l[end]];
  if (start === undefined || a === undefined || b === undefined) return l;
  const value = (line: string) => line.slice(line.indexOf(':'));
  return l.map((x, i) => (i === start ? `DTSTART${value(b)}` : i === end ? `DTEND${value(a)}` : x));
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        withLines(t, (l) => l.filter((_, i) => i !== n % l.length)),
  ),
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        t.slice(0, n % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.string()).map(
    ([n, junk]): Mutation =>
      (t) =>
        withLines(t, (l) => [...l.slice(0, n % l.length), junk, ...l.slice(n % l.length)]),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([n, cut]): Mutation =>
      (t) =>
        withLines(t, (l) =>
          l.map((line, i) =>
            i === n % l.length && line.length > 1
              ? `${line.slice(0, 1 + (cut % (line.length - 1)))}\r\n ${line.slice(1 + (cut % (line.length - 1)))}`
              : line,
          ),
        ),
  ),
  fc.nat().map(
    (n): Mutation =>
      (t) => {
        const blocks = t.match(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r?\n/g) ?? [];
        const copy = pick(blocks, n);
        return copy ? t.replace(copy, `${copy}${copy.replace(/(DTSTART[^:]*:\d{6})\d\d/, '$128')}`) : t;
      },
  ),
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        withLines(t, (l) => swapDates(l, n)),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(
    ([n, position, char]): Mutation =>
      (t) =>
        withLines(t, (l) => {
          const i = pick(dateLines(l), n);
          const line = i === undefined ? undefined : l[i];
          if (i === undefined || line === undefined) return l;
          const p = position % line.length;
          return l.map((x, j) => (j === i ? `${line.slice(0, p)}${char}${line.slice(p + 1)}` : x));
        }),
  ),
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });
const mutate = (text: string, all: Mutation[]) => all.reduce((t, m) => m(t), text);

/** The feed read at T0, then one good read at T0 + 15 min lacking every stay: one more would cancel. */
function onTheBrink(text: string, channel: FeedChannel): FeedState {
  const body = { ok: true as const, body: text, byteLength: Buffer.byteLength(text) };
  const [first] = planPropertyReads({
    propertyId: 'p',
    settings: SETTINGS,
    now: T0,
    feeds: [{ feedId: 'f', channel, state: emptyFeedState(), fetched: body }],
  });
  const state = first?.state ?? emptyFeedState();
  return { ...state, stays: state.stays.map((k) => ({ ...k, missingFrom: [T0 + 15 * MINUTE] })) };
}

describe('R10.4, R10.9 mutated real-shaped feeds', () => {
  it('never throws, whatever the mutation, from the parser or the whole read', () => {
    fc.assert(
      fc.property(feed, mutations, ({ text, channel }, all) => {
        const mutated = mutate(text, all);
        expect(() => parseFeed(mutated, Buffer.byteLength(mutated))).not.toThrow();
        expect(() =>
          readFeedBody(channel, { body: mutated, byteLength: mutated.length }, SETTINGS),
        ).not.toThrow();
      }),
      RUNS,
    );
  });

  it('cancels no stay on a read that is not good, and only stays the good read lacks', () => {
    fc.assert(
      fc.property(feed, mutations, ({ text, channel }, all) => {
        const state = onTheBrink(text, channel);
        const mutated = mutate(text, all);
        const fetched = { ok: true as const, body: mutated, byteLength: Buffer.byteLength(mutated) };
        const [result] = planPropertyReads({
          propertyId: 'p',
          settings: SETTINGS,
          now: T0 + 60 * MINUTE,
          feeds: [{ feedId: 'f', channel, state, fetched }],
        });
        if (result?.outcome !== 'read') {
          expect(result?.commands).toEqual([]);
          expect(result?.state).toBe(state);
          return;
        }
        const read = readFeedBody(channel, fetched, SETTINGS);
        const present = new Set(read.ok ? [...read.stays.map((s) => s.uid), ...read.heldUids] : []);
        for (const c of result.commands) if (c.kind === 'cancel') expect(present.has(c.uid)).toBe(false);
      }),
      RUNS,
    );
  });

  it('reads a feed folded at any points exactly as the unfolded one', () => {
    fc.assert(
      fc.property(feed, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), ({ text }, cuts) => {
        const folded = withLines(text, (l) =>
          l.map((line, i) => {
            const cut = cuts[i % cuts.length] ?? 0;
            return line.length > 1
              ? `${line.slice(0, 1 + (cut % (line.length - 1)))}\r\n\t${line.slice(1 + (cut % (line.length - 1)))}`
              : line;
          }),
        );
        expect(parseFeed(folded, folded.length)).toEqual(parseFeed(text, text.length));
      }),
      RUNS,
    );
  });
});
