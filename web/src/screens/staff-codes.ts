import type { StaffView } from '../api/types.ts';
import type { HostData } from '../data/host-data.ts';
import { lockFailureLabel } from '../data/lock-failures.ts';
import { codesByProperty, type StaffCodeRow } from '../data/staff-codes.ts';
import { STAFF_CODE_STATUS, windowInWords } from '../data/staff-words.ts';
import { h } from '../dom.ts';
import { formatWhen } from '../format.ts';
import { chip, doorChip } from '../ui/chip.ts';
import { codeReveal } from '../ui/code-reveal.ts';

// R12.2, R13.4: a staff member's codes, per property, in that property's time: each window, each
// door's status as a guest's door reads, the PIN hidden until revealed (R13.5), when they were told.

export interface CodesContext {
  host: HostData;
  view: StaffView;
  signal: AbortSignal;
  /** The codes the host revealed, kept revealed when the list redraws. */
  revealed: Set<string>;
}

function toldLine(row: StaffCodeRow, view: StaffView, zone: string): string {
  if (row.code.communicatedAt) return `Told ${formatWhen(row.code.communicatedAt, zone)}`;
  return view.email || view.phone ? 'Not told yet' : 'Not told yet: it comes to you, to pass on';
}

/** What Lockstep is doing about a door that refused the code or is offline. */
function doorProblems(row: StaffCodeRow, zone: string): string[] {
  return row.doors
    .filter((d) => d.state === 'failed' || d.state === 'offline')
    .map((d) => {
      const why =
        d.state === 'offline'
          ? 'is offline: the code goes on when it reconnects'
          : `refused the code${d.lastError ? ` (${lockFailureLabel(d.lastError)})` : ''}`;
      const next = d.nextAttemptAt ? `; next attempt ${formatWhen(d.nextAttemptAt, zone)}` : '';
      return `${d.lockName} ${why}${next}`;
    });
}

function codeItem(row: StaffCodeRow, zone: string, context: CodesContext, current: boolean): HTMLElement {
  const { code } = row;
  const [tone, status] = STAFF_CODE_STATUS[code.status];
  const problems = current ? doorProblems(row, zone) : [];
  return h(
    'li',
    { class: 'staff-code', 'data-code': code.codeId },
    h(
      'p',
      { class: 'staff-code-when' },
      h('strong', {}, windowInWords(code.activeFrom, code.activeUntil, zone)),
      ' ',
      chip(tone, status),
    ),
    h(
      'ul',
      { class: 'chips', 'aria-label': 'Code status per door' },
      row.doors.map((d) => h('li', {}, doorChip(d.lockName, d.state))),
    ),
    current
      ? h(
          'p',
          { class: 'staff-code-pin' },
          'Code ',
          codeReveal(code.pin, context.signal, `reveal-${code.codeId}`, context.revealed),
          h('span', { class: 'muted' }, ` · ${toldLine(row, context.view, zone)}`),
        )
      : null,
    problems.length > 0
      ? h(
          'ul',
          { class: 'doing' },
          problems.map((p) => h('li', {}, p)),
        )
      : null,
  );
}

export function staffCodes(context: CodesContext): HTMLElement[] {
  const groups = codesByProperty(context.host, context.view);
  if (groups.length === 0) return [h('p', { class: 'muted' }, 'No codes: this member works at no property.')];
  return groups.map(({ property, current, past }) => {
    const zone = property.settings.timeZone;
    const headingId = `codes-${property.propertyId}`;
    return h(
      'section',
      { class: 'staff-codes', 'aria-labelledby': headingId, 'data-property': property.propertyId },
      h('h3', { id: headingId }, property.name),
      h('p', { class: 'hint' }, `Times in ${zone}`),
      current.length > 0
        ? h(
            'ol',
            { class: 'plain staff-code-list' },
            current.map((row) => codeItem(row, zone, context, true)),
          )
        : h(
            'p',
            { class: 'muted' },
            'No current or upcoming code: one is made for the next gap between stays.',
          ),
      past.length > 0
        ? h(
            'details',
            { class: 'past-codes' },
            h('summary', {}, `Past codes (${past.length})`),
            h(
              'ol',
              { class: 'plain staff-code-list' },
              past.map((row) => codeItem(row, zone, context, false)),
            ),
          )
        : null,
    );
  });
}
