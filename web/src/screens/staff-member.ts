import { changeStaffMember, loadStaffMember } from '../api/staff.ts';
import type { StaffView } from '../api/types.ts';
import { type HostData, loadHostData } from '../data/host-data.ts';
import { formValuesOf, staffChanges } from '../data/staff-form.ts';
import { contactInWords, propertyNames, scheduleInWords } from '../data/staff-words.ts';
import { h, replaceKeepingFocus } from '../dom.ts';
import { formatWhen } from '../format.ts';
import type { ScreenContext } from '../router.ts';
import { describeError } from '../ui/action.ts';
import { screenHeading } from '../ui/panels.ts';
import { showOnStaffList } from './staff.ts';
import { staffCodes } from './staff-codes.ts';
import { staffForm } from './staff-form.ts';
import { staffRemoval } from './staff-removal.ts';

// R12, R13.4: one staff member: who and where, their codes per property with each door's status,
// and changing or removing them. The codes redraw while the page is open, as doors confirm.

const REFRESH_MS = 4_000;

const fact = (term: string, detail: string) => [h('dt', {}, term), h('dd', {}, detail)];

function facts(host: HostData, view: StaffView): HTMLElement {
  const zone = host.properties.find((p) => p.propertyId === view.propertyIds[0])?.settings.timeZone;
  return h(
    'dl',
    { class: 'facts' },
    fact('Contact', contactInWords(view)),
    fact('Properties', propertyNames(host.properties, view.propertyIds)),
    fact('Code works', scheduleInWords(view)),
    fact('Added', view.createdAt ? formatWhen(view.createdAt, zone) : '—'),
  );
}

export async function renderStaffMember({ main, signal, params }: ScreenContext): Promise<void> {
  const staffId = params[0] ?? '';
  const [host, first] = await Promise.all([loadHostData(), loadStaffMember(staffId)]);
  if (signal.aborted) return;
  let view = first;
  const revealed = new Set<string>();
  const heading = h('div', {});
  const about = h('div', {});
  const codes = h('div', {});
  const refreshNotice = h('p', { class: 'hint', role: 'status' });
  const drawCodes = () => replaceKeepingFocus(codes, ...staffCodes({ host, view, signal, revealed }));
  const draw = () => {
    document.title = `${view.name} · Lockstep`;
    heading.replaceChildren(screenHeading(view.name));
    about.replaceChildren(facts(host, view));
    drawCodes();
  };
  draw();

  const edit = staffForm({
    idPrefix: 'edit-staff',
    properties: host.properties,
    initial: formValuesOf(view),
    submitLabel: 'Save changes',
    save: async (values) => {
      const changes = staffChanges(view, values);
      if (Object.keys(changes).length === 0) return 'Nothing to save: nothing changed.';
      view = await changeStaffMember(view.staffId, changes);
      draw();
      // The form shows what Lockstep keeps, e.g. the phone written as E.164.
      edit.fill(formValuesOf(view));
      return 'Saved. Their codes follow the change now.';
    },
  });
  const removal = staffRemoval(view, (message) => {
    showOnStaffList(message);
    window.location.hash = '#/staff';
  });

  const card = (id: string, title: string, ...content: Node[]) =>
    h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
  main.replaceChildren(
    h('p', { class: 'crumb' }, h('a', { href: '#/staff' }, '← Staff')),
    heading,
    card('about-heading', 'About', about),
    card('codes-heading', 'Codes', codes, refreshNotice),
    card('edit-heading', 'Change details or schedule', edit.form),
    card('remove-heading', 'Remove', removal),
  );

  // Doors confirm a few seconds after a change: redraw the codes when what the API says changed.
  const refresh = async () => {
    try {
      const latest = await loadStaffMember(staffId);
      if (signal.aborted) return;
      refreshNotice.textContent = '';
      if (JSON.stringify(latest.codes) === JSON.stringify(view.codes)) return;
      view = { ...view, codes: latest.codes, nextCode: latest.nextCode };
      drawCodes();
    } catch (error) {
      if (!signal.aborted) refreshNotice.textContent = `Could not refresh: ${describeError(error)}`;
    }
  };
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
