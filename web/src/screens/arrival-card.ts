import type { Arrival } from '../data/arrivals.ts';
import { firstUseNote, type Verdict } from '../data/door-status.ts';
import { h } from '../dom.ts';
import { formatWhen, plural, relativeTo } from '../format.ts';
import { chip, doorChip } from '../ui/chip.ts';

// One arriving guest on the board: when, each door's code, whether they were told, what Lockstep does.

const VERDICTS: Record<Verdict, [tone: 'ok' | 'pending' | 'problem', text: string]> = {
  ready: ['ok', 'Will get in'],
  'in-progress': ['pending', 'Code on its way'],
  attention: ['problem', 'Needs attention'],
};

const nights = (a: Arrival) =>
  Math.max(
    1,
    Math.round((Date.parse(a.view.checkOut ?? '') - Date.parse(a.view.checkIn ?? '')) / 86_400_000),
  );

function toldLine(a: Arrival, zone: string): HTMLElement {
  if (a.told)
    return h(
      'p',
      { class: 'told told-yes' },
      `Guest told ${formatWhen(a.told.at, zone)}`,
      a.told.via.length > 0 ? ` by ${a.told.via.join(', ')}` : '',
    );
  const due = a.messageDue ? `: the code message is due ${formatWhen(a.messageDue, zone)}` : '';
  return h('p', { class: 'told told-no' }, `Guest not told yet${due}`);
}

export function arrivalCard(a: Arrival, now: number): HTMLElement {
  const zone = a.property.settings.timeZone;
  const [tone, verdict] = VERDICTS[a.verdict];
  const checkIn = a.view.checkIn ?? '';
  return h(
    'li',
    { class: `card arrival arrival-${a.verdict}`, 'data-reservation': a.view.reservationId },
    h(
      'div',
      { class: 'arrival-head' },
      h(
        'h3',
        { class: 'arrival-guest' },
        h(
          'a',
          {
            href: `#/reservations/${encodeURIComponent(a.view.reservationId)}`,
            'data-key': `guest-${a.view.reservationId}`,
          },
          a.view.guest.name,
        ),
      ),
      chip(tone, verdict),
    ),
    h(
      'p',
      { class: 'arrival-when' },
      h('span', {}, `${a.property.name} · checks in ${formatWhen(checkIn, zone)}`),
      h('span', { class: 'muted' }, ` (${relativeTo(checkIn, now)}, ${plural(nights(a), 'night')})`),
    ),
    h(
      'ul',
      { class: 'chips', 'aria-label': 'Code status per door' },
      a.doors.map((d) =>
        h(
          'li',
          {},
          doorChip(
            d.lockName,
            d.state,
            firstUseNote(d, (at) => formatWhen(at, zone)),
          ),
        ),
      ),
    ),
    toldLine(a, zone),
    a.actions.length > 0
      ? h(
          'div',
          { class: 'doing' },
          h('p', { class: 'doing-title' }, 'What Lockstep is doing'),
          h(
            'ul',
            {},
            a.actions.map((text) => h('li', {}, text)),
          ),
        )
      : null,
  );
}
