import { listStaff } from '../api/staff.ts';
import type { Property, StaffSummary } from '../api/types.ts';
import { scheduleInWords } from '../data/staff-words.ts';
import { h } from '../dom.ts';
import { describeError } from '../ui/action.ts';
import { staffHref } from './staff.ts';

// R13.4, the properties view's staff: who has codes on this property's locks, each a link to them.

/** The host's staff, or why they could not be read: the settings and feeds still show without them. */
export type StaffOrProblem = readonly StaffSummary[] | { problem: string };

export const loadStaffOrProblem = (): Promise<StaffOrProblem> =>
  listStaff().catch((error: unknown) => ({ problem: describeError(error) }));

export function propertyStaff(property: Property, staff: StaffOrProblem): HTMLElement {
  const section = (...content: Node[]) =>
    h(
      'section',
      { class: 'property-staff-section', 'aria-label': `Staff of ${property.name}` },
      h('h3', {}, 'Staff'),
      ...content,
    );
  if ('problem' in staff)
    return section(h('p', { class: 'outcome outcome-error' }, `Could not load the staff. ${staff.problem}`));
  const here = staff.filter((s) => s.propertyIds.includes(property.propertyId));
  return section(
    here.length === 0
      ? h('p', { class: 'muted' }, 'No staff on this property. ', h('a', { href: '#/staff' }, 'Add staff'))
      : h(
          'ul',
          { class: 'plain property-staff' },
          here.map((s) =>
            h(
              'li',
              {},
              h('a', { href: staffHref(s.staffId) }, s.name),
              h('span', { class: 'muted' }, ` · ${scheduleInWords(s)}`),
            ),
          ),
        ),
  );
}
