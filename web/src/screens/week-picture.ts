import type { Arrival } from '../data/arrivals.ts';
import { DOOR_STATE_LABELS, type DoorState } from '../data/door-status.ts';
import type { HostData } from '../data/host-data.ts';
import { h } from '../dom.ts';

// The week at a glance (R13.2): a row per door, a column per day, a coloured mark per arriving guest.

/** What the colours mean, under the picture. */
export const weekLegend = () =>
  h(
    'ul',
    { class: 'legend', 'aria-label': 'Colours' },
    (Object.entries(DOOR_STATE_LABELS) as [DoorState, string][]).map(([state, label]) =>
      h('li', {}, h('span', { class: `mark mark-${state}`, 'aria-hidden': 'true' }), label),
    ),
  );

export function weekPicture(
  host: HostData,
  arrivals: readonly Arrival[],
  days: { key: string; label: string }[],
) {
  const doors = host.properties.flatMap((p) =>
    p.lockIds.map((lockId) => ({
      property: p,
      lockId,
      name: host.locks.find((l) => l.lockId === lockId)?.name ?? lockId,
    })),
  );
  const several = host.properties.length > 1;
  const cell = (propertyId: string, lockId: string, day: string) => {
    const marks = arrivals
      .filter((a) => a.day === day && a.property.propertyId === propertyId)
      .flatMap((a) =>
        a.doors.filter((d) => d.lockId === lockId).map((d) => ({ guest: a.view.guest.name, state: d.state })),
      );
    if (marks.length === 0)
      return h('td', { class: 'week-empty' }, h('span', { class: 'visually-hidden' }, 'no arrival'));
    return h(
      'td',
      {},
      marks.map((m) => {
        const text = `${m.guest}: ${DOOR_STATE_LABELS[m.state]}`;
        return h(
          'span',
          { class: `mark mark-${m.state}`, title: text },
          h('span', { class: 'visually-hidden' }, text),
        );
      }),
    );
  };
  return h(
    'table',
    { class: 'week' },
    h('caption', { class: 'visually-hidden' }, 'Code status per door and day for the coming week'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Door'),
        days.map((d) => h('th', { scope: 'col' }, d.label)),
      ),
    ),
    h(
      'tbody',
      {},
      doors.length === 0
        ? h('tr', {}, h('td', { colspan: String(days.length + 1) }, 'No lock is matched to a property yet.'))
        : doors.map((door) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                door.name,
                several ? h('span', { class: 'muted' }, ` · ${door.property.name}`) : null,
              ),
              days.map((d) => cell(door.property.propertyId, door.lockId, d.key)),
            ),
          ),
    ),
  );
}
