import { addStaffMember, listStaff } from '../api/staff.ts';
import type { Property, StaffSummary } from '../api/types.ts';
import { loadHostData } from '../data/host-data.ts';
import { staffBody } from '../data/staff-form.ts';
import {
  contactInWords,
  nextCodeInWords,
  propertyNames,
  STAFF_CODE_STATUS,
  scheduleInWords,
} from '../data/staff-words.ts';
import { h, replaceKeepingFocus } from '../dom.ts';
import type { ScreenContext } from '../router.ts';
import { outcome } from '../ui/action.ts';
import { chip } from '../ui/chip.ts';
import { screenHeading } from '../ui/panels.ts';
import { staffForm } from './staff-form.ts';

// R12, R13.4: the host's staff (cleaners, maintenance): who they are, where they work, when their
// code works and their next code; and adding one. Changing and removing are on a member's page.

export const staffHref = (staffId: string) => `#/staff/${encodeURIComponent(staffId)}`;

/** A result to show when the list comes next, from a page that leaves for it (a removal). */
let nextNotice: string | undefined;
export function showOnStaffList(message: string): void {
  nextNotice = message;
}

function memberCard(s: StaffSummary, properties: readonly Property[]): HTMLElement {
  const next = nextCodeInWords(s, properties);
  const [tone, status] = s.nextCode ? STAFF_CODE_STATUS[s.nextCode.status] : ['neutral' as const, ''];
  const headingId = `staff-${s.staffId}`;
  return h(
    'li',
    { class: 'card staff-member', 'aria-labelledby': headingId, 'data-staff': s.staffId },
    h(
      'h2',
      { id: headingId },
      h('a', { href: staffHref(s.staffId), 'data-key': `staff-link-${s.staffId}` }, s.name),
    ),
    h('p', { class: 'muted' }, contactInWords(s)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Properties'),
      h('dd', {}, propertyNames(properties, s.propertyIds)),
      h('dt', {}, 'Code works'),
      h('dd', {}, scheduleInWords(s)),
      h('dt', {}, 'Next code'),
      h('dd', { class: 'next-code' }, next ? [next, ' ', chip(tone, status)] : 'None planned'),
    ),
  );
}

export async function renderStaff({ main, signal }: ScreenContext): Promise<void> {
  const [host, staff] = await Promise.all([loadHostData(), listStaff()]);
  if (signal.aborted) return;
  const { properties } = host;
  const list = h('div', {});
  const flash = outcome('staff');
  const draw = (members: readonly StaffSummary[]) =>
    replaceKeepingFocus(
      list,
      members.length === 0
        ? h('p', { class: 'muted' }, 'No staff yet. Add your cleaners and caretakers below.')
        : h(
            'ul',
            { class: 'plain stack-lg' },
            members.map((s) => memberCard(s, properties)),
          ),
    );
  draw(staff);
  if (nextNotice) flash.show(nextNotice);
  nextNotice = undefined;

  const addSection = h('section', { id: 'add-staff', class: 'card', 'aria-labelledby': 'add-staff-heading' });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button button-primary',
      'aria-expanded': 'false',
      'aria-controls': 'add-staff',
      'data-key': 'add-staff',
    },
    'Add staff member',
  );
  const blank = {
    name: '',
    email: '',
    phone: '',
    propertyIds: [],
    schedule: 'turnovers' as const,
    hours: '',
  };
  const openForm = () => {
    const { form } = staffForm({
      idPrefix: 'new-staff',
      properties,
      initial: blank,
      submitLabel: 'Add staff member',
      save: async (values) => {
        const added = await addStaffMember(staffBody(values));
        draw(await listStaff());
        closeForm();
        const where = propertyNames(properties, added.propertyIds);
        flash.show(`Added ${added.name}: their codes follow the stays at ${where}.`);
        // The form is gone: the keyboard goes on from the member just added.
        list.querySelector<HTMLElement>(`[data-key="staff-link-${CSS.escape(added.staffId)}"]`)?.focus();
        return 'Added.';
      },
    });
    addSection.replaceChildren(h('h2', { id: 'add-staff-heading' }, 'Add a staff member'), form);
    addSection.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = 'Close the form';
    form.querySelector('input')?.focus();
  };
  const closeForm = () => {
    addSection.hidden = true;
    addSection.replaceChildren();
    toggle.setAttribute('aria-expanded', 'false');
    toggle.textContent = 'Add staff member';
  };
  closeForm();
  toggle.addEventListener('click', () => (addSection.hidden ? openForm() : closeForm()));

  main.replaceChildren(
    screenHeading('Staff', toggle),
    h(
      'p',
      { class: 'muted intro' },
      'Cleaners and caretakers get codes of their own on your properties’ locks. Between stays, a code works from one guest’s departure to the next guest’s arrival, and follows the stays as they are booked, moved and cancelled.',
    ),
    ...(properties.length === 0
      ? [h('p', { class: 'panel panel-warning' }, 'Add a property first: staff work at properties.')]
      : []),
    flash.element,
    addSection,
    list,
  );
}
