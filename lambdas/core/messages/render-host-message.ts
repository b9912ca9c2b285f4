import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { type Instant, isMessagingChannel } from '../model.ts';
import { currentCode } from './code-message-rule.ts';
import { deliverGuestMessage } from './guest-delivery.ts';
import { messageLanguage } from './language.ts';
import { messageKey } from './message-id.ts';
import { chooseSender } from './sender.ts';
import { renderTemplate } from './shortcode.ts';
import { WORDING } from './wording.ts';

export interface RenderRequest {
  reservationId: string;
  template: string;
  /** Send the rendered message to the guest now, on the booking's routes (R5.2). */
  send: boolean;
  /** The listing host it goes out as on a channel; R5.3's choice when absent. */
  from?: string | undefined;
  /** Makes a repeated request a no-op; by default the same text to the same guest is one message. */
  idempotencyKey?: string | undefined;
}

export interface RenderResult {
  text: string;
  carriesCode: boolean;
  sent?: { at: Instant; via: string[]; from?: string | undefined } | undefined;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * R5.5: a host's message with `%smartlock_code%` rendered as the guest's current code (a backup once
 * issued). Rendering alone records nothing; sending records the code as communicated when it went out,
 * so the code message is not repeated (R5.1).
 */
export async function renderHostMessage(
  deps: Deps,
  hostId: string,
  request: RenderRequest,
): Promise<RenderResult> {
  const r = await deps.reservations.getReservation(hostId, request.reservationId);
  if (!r) throw new NotFoundError('reservation', 'reservationId');
  const code = currentCode(r);
  const { text, carriesCode } = renderTemplate(request.template, code.pin);
  if (!request.send) return { text, carriesCode };
  if (r.status !== 'accepted')
    throw new ConflictError(`reservation ${r.reservationId} is ${r.status}; nothing was sent`);
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const hosts = property?.settings.hosts;
  if (request.from !== undefined && hosts && !hosts.includes(request.from)) {
    throw new ValidationError('from', `is not one of the listing's hosts (${hosts.join(', ')})`);
  }
  const { language } = messageLanguage(r.guest.locale);
  const messageId = messageKey(
    'host',
    [r.hostId, r.reservationId],
    request.idempotencyKey ?? messageKey('t', [request.template, request.from ?? '']),
  );
  // A sender exists only in a channel's conversation (R5.3); email and SMS come from Lockstep.
  const from = isMessagingChannel(r.channel) ? (request.from ?? chooseSender(r, hosts)) : undefined;
  const result = await deliverGuestMessage(deps, r, {
    messageId,
    kind: 'host',
    from,
    ...(carriesCode && { pin: code.pin }),
    isBackup: code.isBackup,
    content: {
      subject: WORDING[language].hostMessageSubject(property?.name ?? r.propertyId),
      text,
      html: text
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
        .join('\n'),
      // The host's own words go out as written; only Lockstep's fixed wording is held to GSM (R5.4).
      sms: text,
      language,
    },
  });
  const record = result.record;
  if (record?.claim) throw new ConflictError('the same message is being sent right now');
  if (!record || record.sent.length === 0) {
    throw new ConflictError(`the guest cannot be reached: ${result.problems.join('; ') || 'no route'}`);
  }
  return { text, carriesCode, sent: { at: record.at, via: record.sent, from: record.from } };
}
