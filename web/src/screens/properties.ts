import { loadHostData } from '../data/host-data.ts';
import { h } from '../dom.ts';
import type { ScreenContext } from '../router.ts';
import { screenHeading } from '../ui/panels.ts';
import { calendarFeeds } from './calendar-feeds.ts';
import { loadStaffOrProblem, propertyStaff } from './property-staff.ts';
import { settingsForm } from './settings-form.ts';

// R13.4, the properties view: each property's settings, its calendar feeds and its staff.

export async function renderProperties({ main, signal }: ScreenContext): Promise<void> {
  const [host, staff] = await Promise.all([loadHostData(), loadStaffOrProblem()]);
  const feeds = await Promise.all(host.properties.map(calendarFeeds));
  if (signal.aborted) return;
  const lockNames = (lockIds: string[]) =>
    lockIds.map((id) => host.locks.find((l) => l.lockId === id)?.name ?? id).join(', ') || 'none';
  main.replaceChildren(
    screenHeading('Properties'),
    host.properties.length === 0
      ? h('p', { class: 'muted' }, 'No property yet: create one with POST /v1/properties.')
      : h(
          'ul',
          { class: 'plain stack-lg' },
          host.properties.map((property, i) =>
            h(
              'li',
              { class: 'card', 'aria-labelledby': `property-${property.propertyId}` },
              h('h2', { id: `property-${property.propertyId}` }, property.name),
              h('p', { class: 'muted' }, `${property.propertyId} · locks: ${lockNames(property.lockIds)}`),
              settingsForm(property),
              feeds[i] ?? null,
              propertyStaff(property, staff),
            ),
          ),
        ),
  );
}
