import type { Reservation } from '#core/model.ts';
import { uncounted } from '#local/aws-calls.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import type { FeedWorld } from './feed-world.ts';
import { ACCOUNT } from './probes.ts';
import type { Scenario } from './scenario.ts';

// The report's version 2 parts (docs/simulation-contract.md): the reservations the feeds made, with
// their source, and each feed's reads and alerts. Absent for a scenario without calendars.

export interface CalendarReport {
  id: string;
  reads: number;
  failedReads: number;
  hostAlerts: { at: string; kind: string }[];
}

export interface FeedStay {
  reservation: Reservation;
  source: { calendarId: string; uid: string };
}

const iso = (t: number) => new Date(t).toISOString();

/** Every stay the product made of the scenario's feeds, by activeFrom then id: the scenario lists none. */
export async function feedStays(scenario: Scenario, feeds: FeedWorld): Promise<FeedStay[]> {
  const stays: FeedStay[] = [];
  for (const p of scenario.properties) {
    if (!p.calendars?.length) continue;
    for (const reservation of await feeds.feedReservations(p.id)) {
      const source = reservation.source;
      if (!source) continue;
      const calendarId = feeds.scenarioCalendarId(source.calendarId) ?? source.calendarId;
      stays.push({ reservation, source: { calendarId, uid: source.uid } });
    }
  }
  const key = (s: FeedStay) => s.reservation.code.activeFrom;
  return stays.sort(
    (a, b) => key(a) - key(b) || a.reservation.reservationId.localeCompare(b.reservation.reservationId),
  );
}

/** Per scenario calendar: the product's own counts (R10.5), and the alerts its failures raised. */
export async function calendarReports(
  runtime: LocalRuntime,
  scenario: Scenario,
  feeds: FeedWorld,
): Promise<CalendarReport[]> {
  const reports: CalendarReport[] = [];
  for (const c of scenario.properties.flatMap((p) => p.calendars ?? [])) {
    const productId = feeds.calendarIds.get(c.id);
    const feed = productId
      ? await uncounted(() => runtime.deps.feeds.getFeed(ACCOUNT, productId))
      : undefined;
    const hostAlerts = runtime.outbox.entries.flatMap((e) =>
      e.via === 'alert' && productId !== undefined && feeds.isAlertAbout(e.message, productId)
        ? [{ at: iso(e.at), kind: e.message.kind }]
        : [],
    );
    reports.push({
      id: c.id,
      reads: feed?.health.reads ?? 0,
      failedReads: feed?.health.failedReads ?? 0,
      hostAlerts,
    });
  }
  return reports;
}
