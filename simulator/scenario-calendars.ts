import { z } from 'zod';
import { FEED_CHANNELS } from '#core/calendars/types.ts';

// The scenario's calendar feeds (docs/simulation-contract.md, version 2): what each feed answers, from when.

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with an offset' });
const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

/** A property's local time of day (R10.2). */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time of day as HH:MM');

/** Over the product's 2 MB limit is allowed (a `too_large` read); far over it is a mistake. */
const MAX_ICS_CHARS = 8 * 1024 * 1024;

const STATUS = 'must be an HTTP error status (400-599) or "timeout"';

const Snapshot = z
  .object({
    from: instant,
    ics: z.string().max(MAX_ICS_CHARS).optional(),
    status: z
      .union([z.literal('timeout'), z.number().int().min(400, STATUS).max(599, STATUS)], { error: STATUS })
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.ics === undefined) === (s.status === undefined))
      ctx.addIssue({ code: 'custom', path: ['ics'], message: 'must give exactly one of ics and status' });
  });

export const Calendar = z
  .object({
    id,
    channel: z.enum(FEED_CHANNELS),
    snapshots: z.array(Snapshot).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [i, s] of c.snapshots.entries()) {
      const before = c.snapshots[i - 1];
      if (before && Date.parse(s.from) <= Date.parse(before.from))
        ctx.addIssue({
          code: 'custom',
          path: ['snapshots', i, 'from'],
          message: 'must be after the previous snapshot',
        });
    }
  });

export type ScenarioCalendar = z.infer<typeof Calendar>;
export type ScenarioSnapshot = ScenarioCalendar['snapshots'][number];

/** Calendar ids name feeds across the whole scenario: the report lists them side by side. */
export function duplicateCalendars(
  properties: readonly { calendars?: readonly { id: string }[] | undefined }[],
): (string | number)[][] {
  const seen = new Set<string>();
  const duplicates: (string | number)[][] = [];
  for (const [i, p] of properties.entries()) {
    for (const [j, c] of (p.calendars ?? []).entries()) {
      if (seen.has(c.id)) duplicates.push(['properties', i, 'calendars', j, 'id']);
      seen.add(c.id);
    }
  }
  return duplicates;
}
