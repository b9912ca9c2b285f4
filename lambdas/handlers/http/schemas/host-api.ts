import * as z from 'zod';
import { FEED_CHANNELS } from '#core/calendars/types.ts';
import { toE164 } from '#core/messages/phone.ts';
import { LOCK_MODELS } from '#core/model.ts';
import { isValidTimeZone } from '#core/time/zoned.ts';

// Request bodies of the host API (docs/host-api.md).

export const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time of day as HH:MM');

export const CreatePropertyBody = z.object({
  id: id.optional(),
  name: z.string().trim().min(1).max(120),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York'),
  bufferBeforeMinutes: z.number().int().min(0).max(1440).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(1440).default(0),
  codeSource: z.enum(['random', 'phone']).default('random'),
  backupCodes: z.boolean().default(false),
  /** The listing's hosts on its channel, primary first (R5.3). */
  hosts: z.array(id).min(1).max(20).optional(),
  /** Where `access_method.*` webhooks go (R6.5). */
  outboundWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const RegisterLockBody = z.object({
  id: id.optional(),
  name: z.string().trim().min(1).max(80),
  provider: z.literal('sandbox'),
  deviceId: id,
  model: z.enum(LOCK_MODELS).default('generic'),
  nativeScheduling: z.boolean().default(true),
  codeLengths: z.array(z.number().int().min(4).max(12)).min(1).default([4, 5, 6, 7, 8]),
  maxCodes: z.number().int().min(1).max(1000).default(100),
  /** Overrides the model's backup-pool capability (R6.1). */
  supportsBackupPool: z.boolean().optional(),
  backupPoolSize: z.number().int().min(0).max(50).optional(),
});

/** Path parameters are ids too: a malformed one is a 400 naming it, before any lookup. */
export const PropertyLockPath = z.object({ propertyId: id, lockId: id });
export const LockPath = z.object({ lockId: id });
export const PropertyPath = z.object({ propertyId: id });
export const ReservationPath = z.object({ reservationId: id });

/**
 * The settings a host may change; every field optional, unknown ones refused by name (R9.2).
 * New buffers move the windows of live reservations (R7.1); a new time zone applies to stays
 * received from now on. PIN length follows the locks' constraints and is not a property setting.
 */
export const UpdatePropertyBody = z.strictObject({
  name: CreatePropertyBody.shape.name.optional(),
  timeZone: CreatePropertyBody.shape.timeZone.optional(),
  bufferBeforeMinutes: z.number().int().min(0).max(1440).optional(),
  bufferAfterMinutes: z.number().int().min(0).max(1440).optional(),
  codeSource: z.enum(['random', 'phone']).optional(),
  backupCodes: z.boolean().optional(),
  hosts: z.array(id).min(1).max(20).optional(),
  /** Where access_method webhooks go (R6.5). */
  outboundWebhookUrl: CreatePropertyBody.shape.outboundWebhookUrl,
  /** Local times an all-day feed stay checks in and out (R10.2). */
  checkInTime: clockTime.optional(),
  checkOutTime: clockTime.optional(),
});

/** A calendar feed (R10.1). The message never quotes the URL: it is a secret (R10.7). */
export const AddCalendarBody = z.strictObject({
  url: z
    .string()
    .max(2048, 'must be at most 2048 characters')
    .refine((u) => URL.canParse(u) && /^https?:/i.test(u), 'must be an absolute http or https URL'),
  channel: z.enum(FEED_CHANNELS),
});
export const CalendarPath = z.object({ propertyId: id, calendarId: id });

/** R10.8: the guest's contact, which no feed carries; the host adds it so the code message goes to the guest. */
export const UpdateReservationBody = z.strictObject({
  guest: z
    .strictObject({
      email: z.email('must be an email address').max(254).optional(),
      phone: z
        .string()
        .max(32)
        .refine(
          (p) => toE164(p) !== undefined,
          'must be a phone number with its country code, such as +1 555 123 4567',
        )
        .optional(),
    })
    .refine((g) => g.email !== undefined || g.phone !== undefined, 'must give email or phone'),
});

/** An opaque page cursor: URL-safe base64 the list handed out. */
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be a cursor returned by a previous page');
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with a zone' });

/** GET /v1/reservations: one property's stays whose code window overlaps [from, to). */
export const ListReservationsQuery = z
  .object({
    propertyId: id,
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: cursor.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be after from',
    path: ['to'],
  });

const provider = z.enum(['sandbox', 'seam']);

/**
 * Connects one of the deployment's lock provider accounts. A per-host Seam API key is refused by
 * name: the deployment's Seam workspace key is the operator's secret (docs/decisions.md).
 */
export const ConnectLockAccountBody = z.strictObject({ provider });
export const LockAccountPath = z.object({ provider });
