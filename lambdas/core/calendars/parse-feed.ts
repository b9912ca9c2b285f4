import ICAL from 'ical.js';
import { eventTimes, type FeedZones, type TimeProblem } from './event-time.ts';
import { type BodyShape, type EventBlock, splitFeed } from './feed-lines.ts';
import type { FeedEvent } from './types.ts';

// R10.4: iCal text → the feed's readable events, or the named problem that makes the whole read a
// failed one. A broken VEVENT is skipped and counted; no input makes this throw.

/** R10.7's body limit; the caller passes the byte length it received. */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;
/** More events than any listing's calendar holds: a runaway export, read no further. */
export const MAX_FEED_EVENTS = 10_000;
/** Far more than any stay's VEVENT; ical.js slows down badly on some huge lines, so none reach it. */
export const MAX_EVENT_CHARS = 256 * 1024;

export type FeedProblem =
  | { problem: 'too_large'; bytes: number }
  | { problem: 'not_ical'; looksLike: BodyShape }
  /** No END:VCALENDAR: the body was cut short, so events may be missing from it. */
  | { problem: 'truncated' }
  | { problem: 'too_many_events'; limit: number }
  /** A fault no rule foresaw; the read counts as failed rather than as a calendar. */
  | { problem: 'unreadable' };

export type SkipReason =
  | TimeProblem
  | 'unparsable'
  | 'unterminated'
  | 'oversized'
  | 'missing_uid'
  | 'recurring'
  /** STATUS:CANCELLED: the event says itself that it is gone. */
  | 'cancelled_status';

/** A VEVENT left out of the read, by its place in the file; `uid` when one could still be read. */
export interface SkippedEvent {
  index: number;
  reason: SkipReason;
  uid?: string | undefined;
}

/** Several VEVENTs with one UID: the one kept, and the places of the others. */
export interface DuplicateUid {
  uid: string;
  kept: number;
  dropped: number[];
}

export interface GoodFeed {
  ok: true;
  prodId?: string | undefined;
  events: FeedEvent[];
  skipped: SkippedEvent[];
  duplicates: DuplicateUid[];
  /** A calendar with its header and no VEVENT at all: Airbnb sends one now and then (R10.9). */
  headerOnly: boolean;
}

export type ParsedFeed = GoodFeed | { ok: false; problem: FeedProblem };

/** An event as read, with what the choice among duplicates needs. */
interface ReadEvent {
  index: number;
  event: FeedEvent;
  sequence: number;
  stamp: number;
}

export function parseFeed(text: string, byteLength: number): ParsedFeed {
  try {
    return parseWithin(text, byteLength);
  } catch {
    return { ok: false, problem: { problem: 'unreadable' } };
  }
}

function parseWithin(text: string, byteLength: number): ParsedFeed {
  // A UTF-16 unit is never more than its UTF-8 bytes, so the text's length guards a wrong byte count.
  const bytes = Math.max(byteLength, text.length);
  if (bytes > MAX_FEED_BYTES) return { ok: false, problem: { problem: 'too_large', bytes } };
  const split = splitFeed(text, MAX_FEED_EVENTS);
  if (!split.ical) return { ok: false, problem: { problem: 'not_ical', looksLike: split.looksLike } };
  const { sections } = split;
  if (sections.overflow)
    return { ok: false, problem: { problem: 'too_many_events', limit: MAX_FEED_EVENTS } };
  if (!sections.complete) return { ok: false, problem: { problem: 'truncated' } };

  const zones = feedZones(sections.timezones);
  const read: ReadEvent[] = [];
  const skipped: SkippedEvent[] = [];
  sections.events.forEach((block, index) => {
    const outcome = readEvent(block, zones);
    if ('reason' in outcome) skipped.push({ index, ...outcome });
    else read.push({ index, ...outcome });
  });
  const { kept, duplicates } = oneEventPerUid(read);
  return {
    ok: true,
    prodId: headerValue(sections.header, 'PRODID'),
    events: kept.map((r) => r.event),
    skipped,
    duplicates,
    headerOnly: sections.events.length === 0,
  };
}

/** The value of a calendar property, after the first colon (PRODID carries parameters at Airbnb). */
function headerValue(header: readonly string[], name: string): string | undefined {
  const line = header.find((l) => new RegExp(`^${name}[;:]`, 'i').test(l));
  const colon = line?.indexOf(':') ?? -1;
  return line !== undefined && colon >= 0 ? line.slice(colon + 1).trim() : undefined;
}

function feedZones(blocks: readonly string[][]): FeedZones {
  const zones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const lines of blocks) {
    try {
      const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(lines.join('\r\n'))));
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      // An unreadable VTIMEZONE leaves its events floating, read in the property's zone.
    }
  }
  return zones;
}

/** The UID line of a block ical.js cannot read, so the diff can hold that stay as it was. */
function uidOf(lines: readonly string[]): string | undefined {
  const line = lines.find((l) => /^UID[;:]/i.test(l));
  const uid = line?.slice(line.indexOf(':') + 1).trim();
  return uid ? uid : undefined;
}

type EventOutcome = { reason: SkipReason; uid?: string | undefined } | Omit<ReadEvent, 'index'>;

function readEvent(block: EventBlock, zones: FeedZones): EventOutcome {
  const fallbackUid = uidOf(block.lines);
  if (!block.terminated) return { reason: 'unterminated', uid: fallbackUid };
  if (block.lines.reduce((n, line) => n + line.length, 0) > MAX_EVENT_CHARS) {
    return { reason: 'oversized', uid: fallbackUid };
  }
  let component: InstanceType<typeof ICAL.Component>;
  try {
    component = new ICAL.Component(ICAL.parse(block.lines.join('\r\n')));
  } catch {
    return { reason: 'unparsable', uid: fallbackUid };
  }
  if (component.name !== 'vevent') return { reason: 'unparsable', uid: fallbackUid };
  const uid = textOf(component, 'uid').trim();
  if (uid === '') return { reason: 'missing_uid' };
  if (component.hasProperty('rrule') || component.hasProperty('recurrence-id')) {
    return { reason: 'recurring', uid };
  }
  if (textOf(component, 'status').trim().toUpperCase() === 'CANCELLED')
    return { reason: 'cancelled_status', uid };
  const times = eventTimes(component, zones);
  if (typeof times === 'string') return { reason: times, uid };
  const sequence = Number.parseInt(textOf(component, 'sequence'), 10);
  return {
    event: {
      uid,
      ...times,
      summary: textOf(component, 'summary'),
      description: textOf(component, 'description'),
    },
    sequence: Number.isFinite(sequence) ? sequence : 0,
    stamp: Math.max(stampOf(component, 'last-modified'), stampOf(component, 'dtstamp')),
  };
}

/** A property's first value as text; `''` when absent or not text. */
function textOf(component: InstanceType<typeof ICAL.Component>, name: string): string {
  try {
    const value = component.getFirstPropertyValue(name);
    return value === null || value === undefined ? '' : String(value);
  } catch {
    return '';
  }
}

/** DTSTAMP or LAST-MODIFIED as epoch milliseconds; 0 when absent or unreadable. */
function stampOf(component: InstanceType<typeof ICAL.Component>, name: string): number {
  const json = component.getFirstProperty(name)?.toJSON() as unknown[] | undefined;
  const value = typeof json?.[3] === 'string' ? Date.parse(json[3]) : Number.NaN;
  return Number.isFinite(value) ? value : 0;
}

/**
 * One event per UID. The highest SEQUENCE wins (RFC 5545's revision counter), then the latest
 * LAST-MODIFIED or DTSTAMP, then the first in the file.
 */
function oneEventPerUid(read: readonly ReadEvent[]): { kept: ReadEvent[]; duplicates: DuplicateUid[] } {
  const byUid = new Map<string, ReadEvent[]>();
  for (const r of read) {
    const group = byUid.get(r.event.uid);
    if (group) group.push(r);
    else byUid.set(r.event.uid, [r]);
  }
  const kept: ReadEvent[] = [];
  const duplicates: DuplicateUid[] = [];
  for (const [uid, group] of byUid) {
    const best = group.reduce((a, b) =>
      b.sequence > a.sequence || (b.sequence === a.sequence && b.stamp > a.stamp) ? b : a,
    );
    kept.push(best);
    if (group.length > 1) {
      duplicates.push({
        uid,
        kept: best.index,
        dropped: group.filter((r) => r !== best).map((r) => r.index),
      });
    }
  }
  kept.sort((a, b) => a.index - b.index);
  return { kept, duplicates };
}
