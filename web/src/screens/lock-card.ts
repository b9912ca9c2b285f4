import { request } from '../api/client.ts';
import type { BackupPoolView, Lock, Property, ResyncResult } from '../api/types.ts';
import { type HostData, isOnline } from '../data/host-data.ts';
import type { StaffOnLock } from '../data/staff-on-locks.ts';
import { h } from '../dom.ts';
import { plural } from '../format.ts';
import { type Outcome, outcome, runAction } from '../ui/action.ts';
import { chip } from '../ui/chip.ts';
import { poolBar } from './pool-bar.ts';
import { staffHref } from './staff.ts';

// R13.4: one lock: online or not, its backup pool, the guest and staff codes Lockstep manages on it,
// and the resync, match and unmatch actions.

export interface LockCardData {
  lock: Lock;
  host: HostData;
  pool: BackupPoolView;
  /** Guests whose codes Lockstep keeps on this lock now or soon, with their status. */
  codes: { guest: string; reservationId: string; status: string }[];
  /** Staff with a current or upcoming code on this lock (R12). */
  staff: StaffOnLock[];
}

/** Redraws the screen after a change, then shows `message` under the lock's actions. */
type Reload = (lockId: string, message: string) => Promise<void>;

function onlineChip(host: HostData, lock: Lock): HTMLElement {
  const device = host.live.get(lock.lockId);
  if (!device) return chip('neutral', 'Status unknown', 'Connect the lock account to see live status');
  if (!device.reachable) return chip('problem', 'Unreachable', device.reason);
  return isOnline(host, lock.lockId) ? chip('ok', 'Online') : chip('offline', 'Offline');
}

/** R13.4, R11.1: a lock whose device computes offline codes lets a guest in while it is offline. */
function offlineCodesChip(host: HostData, lock: Lock): HTMLElement | null {
  const device = host.live.get(lock.lockId);
  if (!device?.reachable || !device.canProgramOfflineCodes) return null;
  return chip('offline-code', 'Takes offline codes', 'Guests get an offline code if the lock is offline');
}

const enc = encodeURIComponent;

function propertyActions(data: LockCardData, result: Outcome, reload: Reload): HTMLElement {
  const { lock, host } = data;
  const matched = host.properties.filter((p) => p.lockIds.includes(lock.lockId));
  const others = host.properties.filter((p) => !p.lockIds.includes(lock.lockId));
  const change = (method: 'PUT' | 'DELETE', property: Property, button: HTMLButtonElement, done: string) =>
    void runAction(button, result, async () => {
      await request(method, `/v1/properties/${enc(property.propertyId)}/locks/${enc(lock.lockId)}`);
      await reload(lock.lockId, done);
      return done;
    });
  const unmatchButtons = matched.map((p) => {
    const button = h(
      'button',
      { type: 'button', class: 'button', 'data-key': `property-${lock.lockId}` },
      `Unmatch from ${p.name}`,
    );
    button.addEventListener('click', () =>
      change('DELETE', p, button, `Unmatched from ${p.name}: its codes leave this lock.`),
    );
    return button;
  });
  const selectId = `match-${lock.lockId}`;
  const select = h(
    'select',
    { id: selectId, class: 'input' },
    others.map((p) => h('option', { value: p.propertyId }, p.name)),
  );
  const matchButton = h(
    'button',
    { type: 'button', class: 'button', 'data-key': `property-${lock.lockId}` },
    'Match',
  );
  matchButton.addEventListener('click', () => {
    const property = others.find((p) => p.propertyId === select.value);
    if (property)
      change(
        'PUT',
        property,
        matchButton,
        `Matched to ${property.name}: its live reservations get their codes on this lock.`,
      );
  });
  return h(
    'div',
    { class: 'lock-property' },
    h('h3', {}, 'Property'),
    h(
      'p',
      {},
      matched.length > 0
        ? `Matched to ${matched.map((p) => p.name).join(', ')}`
        : 'Not matched to a property',
    ),
    h('div', { class: 'row' }, unmatchButtons),
    others.length > 0
      ? h('div', { class: 'row' }, h('label', { for: selectId }, 'Match to'), select, matchButton)
      : null,
  );
}

function resyncButton(lock: Lock, result: Outcome): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'button', 'data-key': `resync-${lock.lockId}` },
    'Resync',
  );
  button.addEventListener('click', () =>
    runAction(button, result, async () => {
      const answer = await request<ResyncResult>('POST', `/v1/locks/${enc(lock.lockId)}/resync`);
      return `Resynced: checked ${plural(answer.reservationsChecked, 'reservation')}, ${answer.reservationsReprogrammed} reprogrammed.`;
    }),
  );
  return button;
}

function poolSection(data: LockCardData): HTMLElement {
  const backupsOn = data.host.properties.some(
    (p) => p.lockIds.includes(data.lock.lockId) && p.settings.backupCodes,
  );
  return h(
    'div',
    { class: 'lock-pool' },
    h('h3', {}, 'Backup codes'),
    backupsOn
      ? poolBar(data.pool)
      : h('p', { class: 'muted' }, 'Off for this lock’s properties (turn them on in Properties).'),
  );
}

function codesSection(data: LockCardData): HTMLElement {
  const items = [
    ...data.codes.map((c) =>
      h('li', {}, h('a', { href: `#/reservations/${enc(c.reservationId)}` }, c.guest), ` · ${c.status}`),
    ),
    ...data.staff.map((s) =>
      h('li', {}, h('a', { href: staffHref(s.staffId) }, s.name), ` (staff) · ${s.status}`),
    ),
  ];
  return h(
    'div',
    { class: 'lock-codes' },
    h('h3', {}, 'Codes Lockstep manages'),
    items.length === 0
      ? h('p', { class: 'muted' }, 'No guest code in the coming two weeks, no staff code.')
      : h('ul', { class: 'plain' }, items),
  );
}

export function lockCard(data: LockCardData, reload: Reload): { element: HTMLElement; result: Outcome } {
  const { lock } = data;
  const result = outcome(lock.lockId);
  const headingId = `lock-${lock.lockId}`;
  const element = h(
    'li',
    { class: 'card lock', 'aria-labelledby': headingId, 'data-lock': lock.lockId },
    h(
      'div',
      { class: 'lock-head' },
      h('h2', { id: headingId }, lock.name),
      h('span', { class: 'chips' }, onlineChip(data.host, lock), offlineCodesChip(data.host, lock)),
    ),
    h('p', { class: 'muted' }, `${lock.provider} · ${lock.deviceId} · ${lock.model}`),
    h(
      'div',
      { class: 'grid-3' },
      propertyActions(data, result, reload),
      poolSection(data),
      codesSection(data),
    ),
    h(
      'div',
      { class: 'row lock-actions' },
      resyncButton(lock, result),
      h('span', { class: 'hint' }, 'Puts every code Lockstep owns back on the lock, e.g. after a reset.'),
    ),
    result.element,
  );
  return { element, result };
}
