import type { Deps } from '../deps.ts';
import { DeliveryError, MessageRefusedError } from '../errors.ts';
import { type GuestMessageRecord, type Instant, isMessagingChannel, type Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import { hostForwardRoute } from './host-forwarded-message.ts';
import { toE164 } from './phone.ts';

// R5.2 routing, and the rule that every send is idempotent: a message is claimed on the reservation
// before it is sent and its routes recorded after, so a retried or doubled run never sends twice.

/**
 * Longer than any run that sends a guest message (the entry function's 60 s timeout is the longest):
 * a claim this old belongs to a run that died, and may be taken over (R9.5).
 */
export const CLAIM_TTL = 2 * 60_000;

export interface GuestContent {
  subject: string;
  text: string;
  html: string;
  sms: string;
  language: string;
}

export interface OutgoingGuestMessage {
  messageId: string;
  kind: GuestMessageRecord['kind'];
  /** The listing host it goes out as, on a channel (R5.3). */
  from?: string | undefined;
  /** The code it carries (R5.1, R5.5); absent for a host message without the shortcode. */
  pin?: string | undefined;
  isBackup: boolean;
  content: GuestContent;
}

interface RouteSend {
  route: string;
  send: () => Promise<void>;
}

export interface DeliveryResult {
  outcome: 'sent' | 'already_handled' | 'not_delivered';
  record: GuestMessageRecord | undefined;
  /** Why routes were left out or refused, for the host (no PIN). */
  problems: string[];
}

/**
 * R5.2: the channel's messaging for airbnb, vrbo and booking; email and SMS (when a phone is known)
 * otherwise. A feed stay has no channel conversation: email or SMS once the host added them, else
 * the host, to forward it (R10.8).
 */
export function guestRoutes(
  deps: Deps,
  r: Reservation,
  m: OutgoingGuestMessage,
): { sends: RouteSend[]; left: string[] } {
  const channel = r.channel;
  // A staff member given without email or phone is reached through the host as well (R12).
  if (r.source || r.staff) {
    // The feed's 4 phone digits are no number to text: nothing to report when they are all there is.
    const { sends } = contactRoutes(deps, r, m);
    return {
      sends: sends.length > 0 ? sends : [hostForwardRoute(deps, r, m.messageId, m.content)],
      left: [],
    };
  }
  if (isMessagingChannel(channel)) {
    const send = () =>
      deps.channelMessenger.sendChannelMessage({
        messageId: m.messageId,
        hostId: r.hostId,
        reservationId: r.reservationId,
        channel,
        senderHostId: m.from,
        text: m.content.text,
        language: m.content.language,
      });
    return { sends: [{ route: channel, send }], left: [] };
  }
  return contactRoutes(deps, r, m);
}

/** Email, and SMS when the phone names its country. */
function contactRoutes(
  deps: Deps,
  r: Reservation,
  m: OutgoingGuestMessage,
): { sends: RouteSend[]; left: string[] } {
  const sends: RouteSend[] = [];
  const left: string[] = [];
  const { email, phone } = r.guest;
  if (email) {
    sends.push({
      route: 'email',
      send: () =>
        deps.email.sendEmail({
          messageId: `${m.messageId}-email`,
          reservationId: r.reservationId,
          to: email,
          subject: m.content.subject,
          text: m.content.text,
          html: m.content.html,
        }),
    });
  }
  const e164 = toE164(phone);
  if (e164) {
    sends.push({
      route: 'sms',
      send: () =>
        deps.sms.sendSms({
          messageId: `${m.messageId}-sms`,
          reservationId: r.reservationId,
          to: e164,
          text: m.content.sms,
        }),
    });
  } else if (phone) {
    left.push('sms: the phone number has no international prefix, so it cannot be dialled safely');
  }
  if (!email && !phone) left.push('no email or phone is known for the guest');
  return { sends, left };
}

/** Sends the message on every route not yet done, once. Throws DeliveryError when a route may succeed later. */
export async function deliverGuestMessage(
  deps: Deps,
  r: Reservation,
  m: OutgoingGuestMessage,
): Promise<DeliveryResult> {
  const { sends, left } = guestRoutes(deps, r, m);
  const token = deps.newId();
  const claimedAt = deps.clock.now();
  const claimed = await updateReservation(deps, r.hostId, r.reservationId, (fresh) =>
    claim(fresh, m, sends, token, claimedAt),
  );
  const record = claimed?.guestMessages?.find((g) => g.messageId === m.messageId);
  if (record?.claim && record.claim.token !== token && hasOpenRoutes(record, sends)) {
    // R9.5: another run holds it, or held it and died: fail, so the platform's retry comes back
    // once the claim is free or stale, rather than the message silently never going out.
    throw new DeliveryError('guest message being sent by another run; try again');
  }
  if (!record || record.claim?.token !== token) return { outcome: 'already_handled', record, problems: [] };

  const sent: string[] = [];
  const refused: { route: string; reason: string }[] = [];
  const passing: string[] = [];
  for (const { route, send } of sends) {
    if (record.sent.includes(route) || record.failed?.some((f) => f.route === route)) continue;
    try {
      await send();
      sent.push(route);
      deps.metrics.count('MessagesSent', 1, { channel: route });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof MessageRefusedError) {
        refused.push({ route, reason });
        // Operators are alarmed on refusals at SES and SNS (a sandboxed account, a blocked sender).
        deps.metrics.count('MessagesRefused', 1, { channel: route });
      } else passing.push(`${route}: ${reason}`);
    }
  }
  const at = deps.clock.now();
  const settled = await updateReservation(deps, r.hostId, r.reservationId, (fresh) =>
    settle(fresh, m, token, { sent, refused, passing, left }, at),
  );
  if (passing.length > 0) throw new DeliveryError(`guest message not delivered yet: ${passing.join('; ')}`);
  const done = settled?.guestMessages?.find((g) => g.messageId === m.messageId);
  const problems = [...left, ...refused.map((f) => `${f.route}: ${f.reason}`)];
  return { outcome: (done?.sent.length ?? 0) > 0 ? 'sent' : 'not_delivered', record: done, problems };
}

function claim(
  r: Reservation,
  m: OutgoingGuestMessage,
  sends: readonly RouteSend[],
  token: string,
  now: Instant,
): boolean {
  r.guestMessages ??= [];
  const existing = r.guestMessages.find((g) => g.messageId === m.messageId);
  if (!existing) {
    r.guestMessages.push({
      messageId: m.messageId,
      kind: m.kind,
      at: now,
      ...(m.from !== undefined && { from: m.from }),
      ...(m.pin !== undefined && { pin: m.pin, isBackup: m.isBackup }),
      sent: [],
      claim: { token, at: now },
    });
    return true;
  }
  if (existing.skipped !== undefined || !hasOpenRoutes(existing, sends)) return false;
  if (existing.claim && now - existing.claim.at < CLAIM_TTL) return false;
  existing.claim = { token, at: now };
  return true;
}

/** Routes of the message neither sent nor refused yet. */
function hasOpenRoutes(record: GuestMessageRecord, sends: readonly RouteSend[]): boolean {
  return sends.some(
    (s) => !record.sent.includes(s.route) && !record.failed?.some((f) => f.route === s.route),
  );
}

interface Outcomes {
  sent: string[];
  refused: { route: string; reason: string }[];
  passing: string[];
  left: string[];
}

function settle(r: Reservation, m: OutgoingGuestMessage, token: string, o: Outcomes, at: Instant): boolean {
  const record = r.guestMessages?.find((g) => g.messageId === m.messageId);
  if (!record || record.claim?.token !== token) return false;
  record.claim = undefined;
  record.sent.push(...o.sent.filter((route) => !record.sent.includes(route)));
  if (o.refused.length > 0) record.failed = [...(record.failed ?? []), ...o.refused];
  const event = m.kind === 'code' ? 'guest.code_message_sent' : 'guest.host_message_sent';
  if (o.sent.length > 0) {
    r.timeline.push({ at, event, detail: `via ${o.sent.join(', ')}${m.from ? ` from ${m.from}` : ''}` });
    if (m.pin !== undefined && m.pin === r.code.pin) {
      r.code.communicatedAt ??= at;
      r.code.communicatedVia = [...new Set([...(r.code.communicatedVia ?? []), ...o.sent])];
    }
    // A message Lockstep sent as a listing host is that host's latest word in the conversation (R5.3).
    if (m.from !== undefined && (r.lastHostMessage?.at ?? Number.NEGATIVE_INFINITY) < at) {
      r.lastHostMessage = { hostId: m.from, at };
    }
  }
  // Routes left out are the same on every run: the host sees each once.
  const seen = (detail: string) =>
    r.timeline.some((t) => t.event === 'guest.message_failed' && t.detail === detail);
  for (const detail of o.left.filter((d) => !seen(d)))
    r.timeline.push({ at, event: 'guest.message_failed', detail });
  for (const detail of [...o.refused.map((f) => `${f.route}: ${f.reason}`), ...o.passing]) {
    r.timeline.push({ at, event: 'guest.message_failed', detail });
  }
  return true;
}
