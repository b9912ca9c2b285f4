import { get, request } from '../api/client.ts';
import type { BackupPoolView, ProviderName } from '../api/types.ts';
import { type HostData, loadHostData, loadReservations } from '../data/host-data.ts';
import { loadStaffOnLocks } from '../data/staff-on-locks.ts';
import { h, replaceKeepingFocus } from '../dom.ts';
import type { ScreenContext } from '../router.ts';
import { outcome, runAction } from '../ui/action.ts';
import { screenHeading } from '../ui/panels.ts';
import { type LockCardData, lockCard } from './lock-card.ts';

// R13.4: the host's locks, each with live status, backup pool health and actions.

const DAY = 86_400_000;
const CODES_AHEAD_DAYS = 14;

async function loadLockCards(): Promise<{ host: HostData; cards: LockCardData[] }> {
  const [host, staff] = await Promise.all([loadHostData(), loadStaffOnLocks()]);
  const now = Date.now();
  const stays = (
    await Promise.all(
      host.properties.map((p) =>
        loadReservations(p.propertyId, new Date(now - DAY), new Date(now + CODES_AHEAD_DAYS * DAY)),
      ),
    )
  )
    .flat()
    .filter((r) => r.status === 'accepted');
  const cards = await Promise.all(
    host.locks.map(async (lock) => ({
      lock,
      host,
      pool: await get<BackupPoolView>(`/v1/locks/${encodeURIComponent(lock.lockId)}/backup-pool`),
      codes: stays.flatMap((r) =>
        r.locks
          .filter((l) => l.lockId === lock.lockId && l.status !== 'removed')
          .map((l) => ({ guest: r.guest.name, reservationId: r.reservationId, status: l.status })),
      ),
      staff: staff.filter((s) => s.lockId === lock.lockId),
    })),
  );
  return { host, cards };
}

/** Live status comes from the lock provider account; until it is connected, offer to connect it. */
function accountNotice(host: HostData, redraw: (message: string) => Promise<void>): HTMLElement | null {
  const missing = [...new Set(host.locks.map((l) => l.provider))].filter((p) => !host.accounts.includes(p));
  if (missing.length === 0) return null;
  const result = outcome('account');
  return h(
    'section',
    { class: 'panel panel-warning', 'aria-label': 'Lock account' },
    h('p', {}, 'Live lock status needs your lock provider account connected to Lockstep.'),
    h(
      'div',
      { class: 'row' },
      missing.map((provider: ProviderName) => {
        const button = h(
          'button',
          { type: 'button', class: 'button button-primary', 'data-key': `connect-${provider}` },
          `Connect ${provider} account`,
        );
        button.addEventListener('click', () =>
          runAction(button, result, async () => {
            await request('POST', '/v1/lock-accounts', { provider });
            await redraw(`Connected the ${provider} account.`);
            return `Connected the ${provider} account.`;
          }),
        );
        return button;
      }),
    ),
    result.element,
  );
}

export async function renderLocks({ main, signal }: ScreenContext): Promise<void> {
  const list = h('div', {});
  const flash = outcome('locks');
  const draw = async (lockId?: string, message?: string) => {
    const { host, cards } = await loadLockCards();
    if (signal.aborted) return;
    const drawn = cards.map((card) => lockCard(card, draw));
    const notice = accountNotice(host, (m) => draw(undefined, m));
    replaceKeepingFocus(
      list,
      ...(notice ? [notice] : []),
      cards.length === 0
        ? h('p', { class: 'muted' }, 'No lock registered yet: register one with POST /v1/locks.')
        : h(
            'ul',
            { class: 'locks' },
            drawn.map((d) => d.element),
          ),
    );
    const target = drawn.find((d) => d.element.dataset.lock === lockId)?.result ?? flash;
    if (message) target.show(message);
  };
  await draw();
  main.replaceChildren(screenHeading('Locks'), flash.element, list);
}
