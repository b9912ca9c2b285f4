import type { Instant } from '../model.ts';

// R5.4: the fixed guest code message. The wording is Lockstep's, not the host's.

export interface CodeMessageInput {
  guestName: string;
  propertyName: string;
  pin: string;
  activeFrom: Instant;
  activeUntil: Instant;
  timeZone: string;
  doors: readonly string[];
  isBackup: boolean;
}

export interface CodeMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

const formatLocal = (instant: Instant, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function joinDoors(doors: readonly string[]): string {
  if (doors.length <= 1) return doors[0] ?? 'the door';
  return `${doors.slice(0, -1).join(', ')} and ${doors[doors.length - 1]}`;
}

export function codeMessage(input: CodeMessageInput): CodeMessage {
  const from = formatLocal(input.activeFrom, input.timeZone);
  const until = formatLocal(input.activeUntil, input.timeZone);
  const doors = joinDoors(input.doors);
  const which = input.isBackup ? 'Please use this code' : 'Your code';
  const lines = [
    `Hi ${firstName(input.guestName)},`,
    '',
    `Welcome to ${input.propertyName}! ${which} for ${doors} is ${input.pin}.`,
    `It works from ${from} until ${until}.`,
    input.isBackup ? 'It replaces any code you may have been given before.' : '',
    '',
    'Have a wonderful stay!',
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
  const text = lines.join('\n');
  const html = `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
  const sms = `${input.propertyName}: ${which.toLowerCase()} for ${doors} is ${input.pin}, from ${from} until ${until}.`;
  return { subject: `Your door code for ${input.propertyName}`, text, html, sms };
}
