import type { BackupPoolView, CalendarFeed, Property } from '../api/types.ts';
import { formatWhen } from '../format.ts';
import type { Arrival } from './arrivals.ts';
import { DOOR_STATE_LABELS } from './door-status.ts';
import type { HostData } from './host-data.ts';
import { poolSignal } from './pool-signals.ts';

// R8.2 as the dashboard can see it: failed codes (from reservations' statuses and timelines) and
// locks that are offline or unreachable now (from the providers' live status). The API does not
// list the alert emails themselves, so this is what they are about, not a copy of them.

type AlertKind = 'code' | 'lock' | 'pool' | 'feed';

export interface Alert {
  kind: AlertKind;
  severity: 'problem' | 'warning';
  title: string;
  detail: string;
  /** Where the host can act on it. */
  href: string;
}

export function codeAlerts(stays: readonly Arrival[]): Alert[] {
  return stays.flatMap((a) =>
    a.doors
      .filter((d) => d.state === 'failed' || d.state === 'offline' || d.state === 'backup')
      .map(
        (d): Alert => ({
          kind: 'code',
          severity: d.state === 'backup' ? 'warning' : 'problem',
          title: `${a.view.guest.name}: ${DOOR_STATE_LABELS[d.state].toLowerCase()} on ${d.lockName}`,
          detail: [
            `Checks in ${formatWhen(a.view.checkIn ?? 0, a.property.settings.timeZone)}`,
            ...a.actions,
          ].join('. '),
          href: `#/reservations/${encodeURIComponent(a.view.reservationId)}`,
        }),
      ),
  );
}

export function lockAlerts(host: HostData): Alert[] {
  return host.locks.flatMap((lock): Alert[] => {
    const device = host.live.get(lock.lockId);
    if (!device || (device.reachable && device.online)) return [];
    return [
      {
        kind: 'lock',
        severity: 'problem',
        title: `${lock.name} is ${device.reachable ? 'offline' : 'unreachable'}`,
        detail: device.reachable ? 'The lock is disconnected from its provider.' : device.reason,
        href: '#/locks',
      },
    ];
  });
}

/** Pool signals matter only where the lock's properties use backup codes. */
export function poolAlerts(host: HostData, pools: readonly BackupPoolView[]): Alert[] {
  return pools.flatMap((pool) => {
    const lock = host.locks.find((l) => l.lockId === pool.lockId);
    const inUse = host.properties.some((p) => p.settings.backupCodes && p.lockIds.includes(pool.lockId));
    if (!lock || !inUse) return [];
    return pool.signals.map((signal): Alert => {
      const [severity, text] = poolSignal(signal);
      return { kind: 'pool', severity, title: `${lock.name}: ${text}`, detail: signal, href: '#/locks' };
    });
  });
}

/** R10.5: a calendar feed whose reads fail; its stays stand as the last good read left them. */
export function feedAlerts(feeds: readonly { property: Property; feed: CalendarFeed }[]): Alert[] {
  return feeds
    .filter(({ feed }) => feed.status === 'failing')
    .map(({ property, feed }) => ({
      kind: 'feed',
      severity: 'warning',
      title: `${property.name}: calendar feed ${feed.url} is failing`,
      detail: [
        feed.lastError ? `Last problem: ${feed.lastError.problem}` : '',
        feed.lastGoodReadAt
          ? `last good read ${formatWhen(feed.lastGoodReadAt, property.settings.timeZone)}`
          : 'no good read yet',
      ]
        .filter(Boolean)
        .join('; '),
      href: '#/properties',
    }));
}
