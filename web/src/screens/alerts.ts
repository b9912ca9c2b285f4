import { get } from '../api/client.ts';
import type { BackupPoolView, CalendarFeed } from '../api/types.ts';
import { type Alert, codeAlerts, feedAlerts, lockAlerts, poolAlerts } from '../data/alerts.ts';
import { toArrival } from '../data/arrivals.ts';
import { loadHostData, loadHostReservations } from '../data/host-data.ts';
import { h } from '../dom.ts';
import { plural } from '../format.ts';
import type { ScreenContext } from '../router.ts';
import { chip } from '../ui/chip.ts';
import { screenHeading } from '../ui/panels.ts';

// R8.2, R10.5: what the host is (or would be) alerted about by email: failed codes, disconnected
// locks and failing calendar feeds, plus backup pools in trouble (R6.4).

const DAY = 86_400_000;
const KIND_LABELS: Record<Alert['kind'], string> = {
  code: 'Code',
  lock: 'Lock',
  pool: 'Backup pool',
  feed: 'Calendar feed',
};

const alertItem = (alert: Alert) =>
  h(
    'li',
    { class: `card alert alert-${alert.severity}` },
    h(
      'div',
      { class: 'alert-head' },
      chip(alert.severity, KIND_LABELS[alert.kind]),
      h('a', { href: alert.href }, alert.title),
    ),
    alert.detail ? h('p', { class: 'muted' }, alert.detail) : null,
  );

export async function renderAlerts({ main, signal }: ScreenContext): Promise<void> {
  const host = await loadHostData();
  const now = Date.now();
  const [stays, pools, feeds] = await Promise.all([
    loadHostReservations(
      host,
      new Date(now - 7 * DAY),
      new Date(now + 7 * DAY),
      (r) => r.status === 'accepted',
    ),
    Promise.all(
      host.locks.map((l) => get<BackupPoolView>(`/v1/locks/${encodeURIComponent(l.lockId)}/backup-pool`)),
    ),
    Promise.all(
      host.properties.map(async (property) => {
        const path = `/v1/properties/${encodeURIComponent(property.propertyId)}/calendars`;
        const { calendars } = await get<{ calendars: CalendarFeed[] }>(path);
        return calendars.map((feed) => ({ property, feed }));
      }),
    ),
  ]);
  if (signal.aborted) return;
  const alerts = [
    ...codeAlerts(stays.map((s) => toArrival(host, s.property, s.view))),
    ...lockAlerts(host),
    ...poolAlerts(host, pools),
    ...feedAlerts(feeds.flat()),
  ].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'problem' ? -1 : 1));
  main.replaceChildren(
    screenHeading('Alerts'),
    h(
      'section',
      {
        class: `answer answer-${alerts.some((a) => a.severity === 'problem') ? 'problem' : 'ok'}`,
        'aria-label': 'Summary',
      },
      h(
        'p',
        { class: 'answer-text' },
        alerts.length === 0 ? 'Nothing needs you' : `${plural(alerts.length, 'thing')} to look at`,
      ),
    ),
    ...(alerts.length > 0 ? [h('ul', { class: 'plain stack' }, alerts.map(alertItem))] : []),
    h(
      'p',
      { class: 'muted note' },
      'Lockstep emails you when a code fails with no backup to give, a lock is reported disconnected, ',
      'or a calendar feed has failed for 6 hours. ',
      'This list shows what those emails are about, from what the host API exposes: the stays of the past ',
      'and coming week, the locks’ live status (once the lock account is connected), their backup pools ',
      'and the calendar feeds that fail now.',
    ),
  );
}
