import * as z from 'zod';
import { CHANNELS } from '#core/model.ts';
import { MessageSentPayload } from './message-sent.ts';

// The channel webhook's JSON format, version 2026-11-01 (docs/webhooks.md).

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** The shape alone lets through Feb 30 or 25:00 (R9.2): the fields must name a real time. */
function isCalendarDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const [second, offsetHours, offsetMinutes] = [7, 10, 11].map((i) => Number(m[i] ?? 0));
  const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
  return (
    (month ?? 0) >= 1 &&
    (month ?? 0) <= 12 &&
    (day ?? 0) >= 1 &&
    (day ?? 0) <= daysInMonth &&
    (hour ?? 24) <= 23 &&
    (minute ?? 60) <= 59 &&
    (second ?? 60) <= 59 &&
    (offsetHours ?? 24) <= 23 &&
    (offsetMinutes ?? 60) <= 59
  );
}

const dateTime = z.string().refine(isCalendarDateTime, 'must be an ISO-8601 date-time');

export const ReservationPayload = z.object({
  id: z.string().min(1).max(128),
  property_id: z.string().min(1).max(128),
  channel: z.enum(CHANNELS),
  confirmation_code: z.string().min(1).max(64),
  guest: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
      .optional(),
    locale: z.string().min(2).max(35).optional(),
  }),
  check_in: dateTime,
  check_out: dateTime,
});

const envelope = {
  version: z.literal('2026-11-01'),
  id: z.string().min(1).max(128),
  occurred_at: dateTime,
  host_id: z.string().min(1).max(128),
};

/** One member per event type; the handler dispatches on `type`. */
export const ChannelEvent = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('reservation.accepted'), reservation: ReservationPayload }),
  // Changes and cancellations carry the whole reservation as it now stands; occurred_at orders them.
  z.object({ ...envelope, type: z.literal('reservation.modified'), reservation: ReservationPayload }),
  z.object({ ...envelope, type: z.literal('reservation.cancelled'), reservation: ReservationPayload }),
  z.object({ ...envelope, type: z.literal('message.sent'), message: MessageSentPayload }),
]);
export type ChannelEvent = z.infer<typeof ChannelEvent>;
