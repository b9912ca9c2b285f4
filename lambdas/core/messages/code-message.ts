import type { Instant } from '../model.ts';
import { firstName, formatStayTime, joinList, type Language, messageLanguage } from './language.ts';
import { clip, fitSms } from './sms.ts';
import { STAFF_WORDING } from './staff-wording.ts';
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
  /**
   * Each door with the code that opens it, when they differ (backups on some locks, R4.4, R6): the
   * message then names each door's code instead of one PIN for all.
   */
  doorCodes?: readonly { door: string; pin: string }[] | undefined;
  /** Doors whose code is an offline code, with when it must first be used (R11.3). */
  firstUseBy?: readonly { door: string; by: Instant }[] | undefined;
  /** The code is a staff member's (R12): worded for a visit to work, not a stay. */
  forStaff?: boolean | undefined;
  /** A staff member's `always` code: its window's end is not a real one and is not named. */
  openEnded?: boolean | undefined;
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
const SMS_LIMITS = { first: 20, property: 40, doors: 80, door: 20 } as const;
const PIN_MARK = '\u0001';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "4821 for Front and 7730 for Gate" when the doors take different codes; undefined when one code opens all. */
function perDoor(
  doorCodes: CodeMessageInput['doorCodes'],
  forDoor: string,
  and: string,
  clipDoor?: number,
): string | undefined {
  if (!doorCodes || new Set(doorCodes.map((d) => d.pin)).size < 2) return undefined;
  const name = (door: string) => (clipDoor === undefined ? door : clip(door, clipDoor));
  return joinList(
    doorCodes.map((d) => `${d.pin} ${forDoor} ${name(d.door)}`),
    and,
  );
}

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
    until: input.openEnded ? '' : formatStayTime(input.activeUntil, input.timeZone, locale),
    isBackup: input.isBackup,
    perDoor: perDoor(input.doorCodes, wording.forDoor, wording.and),
    firstUse: input.firstUseBy?.length
      ? wording.firstUse(
          joinList(
            input.firstUseBy.map(
              (d) => `${d.door} ${wording.before} ${formatStayTime(d.by, input.timeZone, locale)}`,
            ),
            wording.and,
          ),
        )
      : undefined,
  };
  const staff = input.forStaff ? STAFF_WORDING[language] : undefined;
  const paragraphs = staff?.paragraphs ?? wording.paragraphs;
  const smsForms = staff?.sms ?? wording.sms;
  const text = paragraphs(words).join('\n\n');
  // The PIN is marked before escaping, so only the PIN itself is set in bold.
  const html = paragraphs({ ...words, pin: PIN_MARK })
    .map((p) => `<p>${escapeHtml(p).replace(PIN_MARK, `<strong>${input.pin}</strong>`)}</p>`)
    .join('\n');
  const sms = fitSms(
    smsForms({
      ...words,
      first: clip(words.first, SMS_LIMITS.first),
      property: clip(words.property, SMS_LIMITS.property),
      doors: clip(doors, SMS_LIMITS.doors),
      perDoor: perDoor(input.doorCodes, wording.forDoor, wording.and, SMS_LIMITS.door),
    }),
  );
  const subject = staff
    ? staff.subject(input.propertyName)
    : wording.subject(input.propertyName, input.isBackup);
  return { language, subject, text, html, sms };
}
