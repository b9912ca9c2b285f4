import { get } from '../api/client.ts';
import type { AccessView, Lock, Property } from '../api/types.ts';
import { DOOR_STATE_LABELS, doorOf, doorsWithBackup, firstUseNote } from '../data/door-status.ts';
import { guestTold } from '../data/guest-told.ts';
import { loadAccessView } from '../data/host-data.ts';
import { lockFailureLabel } from '../data/lock-failures.ts';
import { describeReservation } from '../data/timeline-events.ts';
import { h } from '../dom.ts';
import { formatWhen } from '../format.ts';
import type { ScreenContext } from '../router.ts';
import { chip } from '../ui/chip.ts';
import { codeReveal } from '../ui/code-reveal.ts';
import { screenHeading } from '../ui/panels.ts';
import { renderMessageForm } from './render-message-form.ts';
import { resendMessage } from './resend-message.ts';
import { timelineLegend, timelinePicture } from './timeline-picture.ts';

// R13.3, R8.1: one reservation: its window, its code (hidden until revealed), each door, the timeline
// as a picture and as a list, and the message actions.

const fact = (term: string, ...detail: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...detail)];

function summary(view: AccessView, zone: string, signal: AbortSignal): HTMLElement {
  const when = (at: string | undefined) => (at ? formatWhen(at, zone) : '—');
  const told = guestTold(view);
  const toldText = told ? `${when(told.at)} by ${told.via.join(', ') || 'message'}` : 'Not yet';
  return h(
    'dl',
    { class: 'facts' },
    fact('Stay', `${when(view.checkIn)} → ${when(view.checkOut)}`),
    fact('Code works', `${when(view.code.activeFrom)} → ${when(view.code.activeUntil)}`),
    fact('Code', codeReveal(view.code.pin, signal)),
    fact('Code name on the locks', view.code.name),
    fact('Guest told', toldText),
    fact('Backup code', view.backup.issued ? `Issued ${when(view.backup.at)}` : 'Not needed'),
  );
}

function doorsTable(view: AccessView, locks: readonly Lock[], zone: string): HTMLElement {
  const backups = doorsWithBackup(view.timeline);
  const name = (lockId: string) => locks.find((l) => l.lockId === lockId)?.name ?? lockId;
  const withErrors = view.code.locks.some((l) => l.lastError);
  const withPlans = view.code.locks.some((l) => l.nextAttemptAt);
  const columns = [
    'Door',
    'Status',
    'Attempts',
    'Confirmed',
    ...(withErrors ? ['Last error'] : []),
    ...(withPlans ? ['Next attempt'] : []),
  ];
  const row = (l: AccessView['code']['locks'][number]) => {
    const door = doorOf(l, name(l.lockId), backups.has(l.lockId), undefined);
    const limit = firstUseNote(door, (at) => formatWhen(at, zone));
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, door.lockName),
      h(
        'td',
        {},
        chip(door.state, DOOR_STATE_LABELS[door.state]),
        limit ? h('span', { class: 'door-limit' }, ` ${limit}`) : null,
      ),
      h('td', {}, String(l.attempts)),
      h('td', {}, l.setAt ? formatWhen(l.setAt, zone) : '—'),
      withErrors ? h('td', {}, l.lastError ? lockFailureLabel(l.lastError) : '—') : null,
      withPlans ? h('td', {}, l.nextAttemptAt ? formatWhen(l.nextAttemptAt, zone) : '—') : null,
    );
  };
  return h(
    'table',
    { class: 'table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h('tbody', {}, view.code.locks.map(row)),
  );
}

function timelineSection(view: AccessView, locks: readonly Lock[], zone: string): HTMLElement {
  const events = describeReservation(view);
  const name = (lockId: string | undefined) =>
    lockId ? ` · ${locks.find((l) => l.lockId === lockId)?.name ?? lockId}` : '';
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, 'Timeline'),
    h('div', { class: 'picture' }, timelinePicture(view, events, zone, Date.now())),
    timelineLegend(),
    h(
      'ol',
      { class: 'timeline-list' },
      events.map((e) =>
        h(
          'li',
          {},
          h('span', { class: `mark mark-tone-${e.tone}`, 'aria-hidden': 'true' }),
          h('time', { datetime: new Date(e.at).toISOString() }, formatWhen(e.at, zone)),
          h(
            'span',
            {},
            `${e.label}${name(e.lockId)}`,
            e.detail ? h('span', { class: 'muted' }, ` — ${e.detail}`) : null,
          ),
        ),
      ),
    ),
  );
}

export async function renderReservation({ main, signal, params }: ScreenContext): Promise<void> {
  const view = await loadAccessView(params[0] ?? '');
  const [property, { locks }] = await Promise.all([
    get<Property>(`/v1/properties/${encodeURIComponent(view.propertyId)}`),
    get<{ locks: Lock[] }>('/v1/locks'),
  ]);
  if (signal.aborted) return;
  const zone = property.settings.timeZone;
  document.title = `${view.guest.name} · Lockstep`;
  main.replaceChildren(
    h('p', { class: 'crumb' }, h('a', { href: '#/arrivals' }, '← Arrivals')),
    screenHeading(
      view.guest.name,
      chip(
        view.status === 'accepted' ? 'ok' : 'neutral',
        view.status === 'accepted' ? 'Booked' : 'Cancelled',
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      `${property.name} · ${view.channel} · reservation ${view.reservationId} · times in ${zone}`,
    ),
    h(
      'div',
      { class: 'grid-2' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'code-heading' },
        h('h2', { id: 'code-heading' }, 'Stay and code'),
        summary(view, zone, signal),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'doors-heading' },
        h('h2', { id: 'doors-heading' }, 'Doors'),
        doorsTable(view, locks, zone),
      ),
    ),
    timelineSection(view, locks, zone),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'message-heading' },
      h('h2', { id: 'message-heading' }, 'Message the guest'),
      resendMessage(view.reservationId, zone, view.status !== 'accepted'),
      h('h3', {}, 'Write your own'),
      renderMessageForm(view.reservationId, view.guest.name, zone),
    ),
  );
}
