import type { Instant } from '../model.ts';
import { formatStayTime, joinList } from './language.ts';

// R8.2: the wording of alert emails to the host. Hosts read the product in English; an alert never
// carries a PIN (R9.4), it names the reservation so the host can look the code up.

export interface AlertText {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function alertText(subject: string, paragraphs: string[]): AlertText {
  return {
    subject,
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
  };
}

const at = (instant: Instant, timeZone: string) =>
  `${formatStayTime(instant, timeZone, 'en-US')} (${timeZone})`;

export interface CodeFailedInput {
  propertyName: string;
  guestName: string;
  confirmationCode: string;
  activeFrom: Instant;
  timeZone: string;
  lockNames: string[];
  /** When it was found: at the code message, or when the retries ran out. */
  found: 'message_time' | 'retries_exhausted';
}

export function codeFailedAlert(i: CodeFailedInput): AlertText {
  const locks = joinList(i.lockNames, 'and');
  return alertText(`Action needed: ${i.guestName}'s door code is not on ${locks}`, [
    `${i.guestName}'s code for ${i.propertyName} (reservation ${i.confirmationCode}) is not working on ${locks}.`,
    i.found === 'message_time'
      ? `Their stay access starts ${at(i.activeFrom, i.timeZone)}, and the lock has not confirmed the code. No backup code is available.`
      : 'Lockstep retried until the end of the stay and the lock never confirmed the code. No backup code is available.',
    'Please make sure your guest can get in: check the lock, or give them another way in. The reservation page shows the code and what happened.',
  ]);
}

export interface LockDisconnectedInput {
  lockName: string;
  propertyNames: string[];
  since: Instant;
  timeZone: string;
}

export function lockDisconnectedAlert(i: LockDisconnectedInput): AlertText {
  const where = i.propertyNames.length > 0 ? ` at ${joinList(i.propertyNames, 'and')}` : '';
  return alertText(`${i.lockName} is offline`, [
    `Your lock ${i.lockName}${where} was reported disconnected at ${at(i.since, i.timeZone)}.`,
    'While it is offline, Lockstep cannot add, change or remove codes on it. Codes already on the lock keep working.',
    'Please check its power and connection. You will get one email per outage.',
  ]);
}

export interface CodeNotRemovedInput {
  propertyName: string;
  guestName: string;
  confirmationCode: string;
  lockName: string;
}

export function codeNotRemovedAlert(i: CodeNotRemovedInput): AlertText {
  return alertText(`${i.guestName}'s door code could not be removed from ${i.lockName}`, [
    `The lock ${i.lockName} reported that it could not remove ${i.guestName}'s code for ${i.propertyName} (reservation ${i.confirmationCode}). Until it is removed, that code still opens the door.`,
    "Lockstep keeps asking the lock to remove it. If the lock stays unreachable, please remove the code in the lock maker's app. The reservation page shows which code it is.",
  ]);
}

export interface OfflineCodeValidInput {
  propertyName: string;
  guestName: string;
  confirmationCode: string;
  timeZone: string;
  /** Each door with an offline code, and when that code stops working by itself. */
  codes: { lockName: string; endsAt: Instant }[];
  why: 'cancelled' | 'shortened';
}

/** R11.3: an offline code cannot be deleted; the host hears until when it still opens the door. */
export function offlineCodeValidAlert(i: OfflineCodeValidInput): AlertText {
  const until = joinList(
    i.codes.map((c) => `${c.lockName} until ${at(c.endsAt, i.timeZone)}`),
    'and',
  );
  return alertText(`${i.guestName}'s offline door code stays valid`, [
    `${i.guestName}'s reservation ${i.confirmationCode} for ${i.propertyName} was ${i.why}. Their offline code cannot be deleted: the lock checks it without a connection, so it keeps opening ${until}.`,
    "If that is a problem, change the lock's settings in the lock maker's app, or be ready to let the next guest in another way. The reservation page shows which code it is.",
  ]);
}

export interface MessageFailedInput {
  propertyName: string;
  guestName: string;
  confirmationCode: string;
  problems: string[];
}

export function messageFailedAlert(i: MessageFailedInput): AlertText {
  return alertText(`${i.guestName} did not get their door code message`, [
    `Lockstep could not deliver the door code message to ${i.guestName} for ${i.propertyName} (reservation ${i.confirmationCode}): ${i.problems.join('; ')}.`,
    'Please send your guest the code yourself. The reservation page shows it.',
  ]);
}

export interface FeedFailingInput {
  propertyName: string;
  channel: string;
  since: Instant;
  timeZone: string;
  /** The last failure in safe words (`http_status 503`, `timeout`); never the URL (R10.7). */
  problem: string;
}

/** R10.5: a calendar feed has failed for 6 hours; stays it adds, moves or cancels are not seen meanwhile. */
export function feedFailingAlert(i: FeedFailingInput): AlertText {
  return alertText(`The ${i.channel} calendar of ${i.propertyName} cannot be read`, [
    `Lockstep has not been able to read the ${i.channel} calendar link of ${i.propertyName} since ${at(i.since, i.timeZone)} (last problem: ${i.problem}).`,
    'Until it reads again, new bookings, date changes and cancellations on that calendar do not reach your locks. Codes already set keep working.',
    'Please check that the link still works, or add the calendar again with a new link. You will get one email until the calendar reads again.',
  ]);
}
