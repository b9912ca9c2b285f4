import type { Instant } from '../model.ts';
import { firstName, formatStayTime, joinList, type Language, messageLanguage } from './language.ts';
import { clip, fitSms } from './sms.ts';
import { WORDING } from './wording.ts';

// R5.4: the fixed guest code message. The wording is Lockstep's, not the host's.

export interface CodeMessageInput {
  guestName: string;
  /** The channel's locale for the guest (`es-ES`); English when absent or not a language Lockstep writes. */
  guestLocale?: string | undefined;
  propertyName: string;
  pin: string;
  activeFrom: Instant;
  activeUntil: Instant;
  /** The property's time zone: the window is written as its wall clock reads. */
  timeZone: string;
  doors: readonly string[];
  /** A backup code is named plainly as the code to use. */
  isBackup: boolean;
}

export interface CodeMessage {
  language: Language;
  subject: string;
  /** Plain text: the email's text part and the channel message. */
  text: string;
  html: string;
  /** GSM 03.38 only, at most two segments. */
  sms: string;
}

// Names come from guests and hosts; the SMS clips them so its shortest form always fits.
const SMS_LIMITS = { first: 20, property: 40, doors: 80 } as const;
const PIN_MARK = '\u0001';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function codeMessage(input: CodeMessageInput): CodeMessage {
  const { language, locale } = messageLanguage(input.guestLocale);
  const wording = WORDING[language];
  const doors = input.doors.length > 0 ? joinList(input.doors, wording.and) : wording.theDoor;
  const words = {
    first: firstName(input.guestName),
    property: input.propertyName,
    doors,
    pin: input.pin,
    from: formatStayTime(input.activeFrom, input.timeZone, locale),
    until: formatStayTime(input.activeUntil, input.timeZone, locale),
    isBackup: input.isBackup,
  };
  const text = wording.paragraphs(words).join('\n\n');
  // The PIN is marked before escaping, so only the PIN itself is set in bold.
  const html = wording
    .paragraphs({ ...words, pin: PIN_MARK })
    .map((p) => `<p>${escapeHtml(p).replace(PIN_MARK, `<strong>${input.pin}</strong>`)}</p>`)
    .join('\n');
  const sms = fitSms(
    wording.sms({
      ...words,
      first: clip(words.first, SMS_LIMITS.first),
      property: clip(words.property, SMS_LIMITS.property),
      doors: clip(doors, SMS_LIMITS.doors),
    }),
  );
  return { language, subject: wording.subject(input.propertyName, input.isBackup), text, html, sms };
}
