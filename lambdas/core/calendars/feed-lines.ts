// A feed's text cut into its components before any value is read, so that one broken VEVENT costs
// that event only (R10.4, R10.9): ical.js rejects a whole text for a single bad line.

/** What a body that is not iCal looks like: channels answer errors as HTML or JSON with status 200. */
export type BodyShape = 'empty' | 'html' | 'json' | 'text';

/** One VEVENT's unfolded lines, BEGIN and END included. */
export interface EventBlock {
  lines: string[];
  /** False when the next VEVENT or the calendar's end came before its END:VEVENT. */
  terminated: boolean;
}

export interface FeedSections {
  /** The calendar's own properties (PRODID, X-WR-CALNAME, …). */
  header: string[];
  events: EventBlock[];
  /** Each VTIMEZONE's unfolded lines, BEGIN and END included. */
  timezones: string[][];
  /** END:VCALENDAR was reached; a body cut short lacks it. */
  complete: boolean;
  /** More VEVENTs than the cap: reading stopped there. */
  overflow: boolean;
}

export type SplitFeed = { ical: true; sections: FeedSections } | { ical: false; looksLike: BodyShape };

/**
 * Lines with CRLF, LF or lone CR endings, unfolded (RFC 5545 §3.1: a line that begins with a space
 * or a tab continues the one before it, minus that character). Airbnb folds DESCRIPTION mid-URL.
 */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const last = lines.length - 1;
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last >= 0) lines[last] += raw.slice(1);
    else lines.push(raw);
  }
  return lines;
}

/** `BEGIN:X` / `END:X` → `X` in upper case; undefined for any other line. */
function boundary(line: string, keyword: 'BEGIN' | 'END'): string | undefined {
  const match = /^(BEGIN|END):([A-Z0-9-]+)\s*$/i.exec(line.trim());
  return match?.[1]?.toUpperCase() === keyword ? match[2]?.toUpperCase() : undefined;
}

function shapeOf(text: string): BodyShape {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return 'empty';
  if (start.startsWith('<')) return 'html';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return 'text';
}

/** Splits a calendar body into its header, VEVENTs and VTIMEZONEs, reading at most `maxEvents` events. */
export function splitFeed(text: string, maxEvents: number): SplitFeed {
  const lines = unfoldLines(text);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || boundary(lines[first] ?? '', 'BEGIN') !== 'VCALENDAR') {
    return { ical: false, looksLike: shapeOf(text) };
  }
  const sections: FeedSections = { header: [], events: [], timezones: [], complete: false, overflow: false };
  let open: { lines: string[]; kind: 'VEVENT' | 'VTIMEZONE' | 'OTHER'; depth: number } | undefined;

  const close = (terminated: boolean) => {
    if (open?.kind === 'VEVENT') sections.events.push({ lines: open.lines, terminated });
    else if (open?.kind === 'VTIMEZONE' && terminated) sections.timezones.push(open.lines);
    open = undefined;
  };

  for (const line of lines.slice(first + 1)) {
    if (line.trim() === '') continue;
    const begins = boundary(line, 'BEGIN');
    const ends = boundary(line, 'END');
    if (open) {
      if (ends === 'VCALENDAR') {
        close(false);
        sections.complete = true;
        break;
      }
      // A VEVENT that never ended gives way to the next one rather than swallowing it.
      if (begins === 'VEVENT' && open.kind === 'VEVENT' && open.depth === 0) close(false);
      else {
        open.lines.push(line);
        if (begins) open.depth += 1;
        else if (ends && open.depth > 0) open.depth -= 1;
        else if (ends) close(true);
        continue;
      }
    }
    if (ends === 'VCALENDAR') {
      sections.complete = true;
      break;
    }
    if (begins === 'VEVENT' && sections.events.length >= maxEvents) {
      sections.overflow = true;
      break;
    }
    if (begins) {
      const kind = begins === 'VEVENT' || begins === 'VTIMEZONE' ? begins : 'OTHER';
      open = { lines: [line], kind, depth: 0 };
    } else if (!ends) sections.header.push(line);
  }
  if (open) close(false);
  return { ical: true, sections };
}
