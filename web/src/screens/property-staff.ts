import type { Property, StaffSummary } from '../api/types.ts';
import { scheduleInWords } from '../data/staff-words.ts';
import { h } from '../dom.ts';
import { staffHref } from './staff.ts';

// R13.4, the properties view's staff: who has codes on this property's locks, each a link to them.

export function propertyStaff(property: Property, staff: readonly StaffSummary[]): HTMLElement {
  const here = staff.filter((s) => s.propertyIds.includes(property.propertyId));
  return h(
    'section',
    { class: 'property-staff-section', 'aria-label': `Staff of ${property.name}` },
    h('h3', {}, 'Staff'),
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
