import { messageKey } from '#core/messages/message-id.ts';
import type { Reservation } from '#core/model.ts';
import { HOUR, MINUTE } from '#core/time/timeline.ts';
import { uncounted } from '#local/aws-calls.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import type { HostAlert } from '#ports/host-notifier.ts';
import { ACCOUNT, atTracked, type Probes } from './probes.ts';
import type { Scenario, ScenarioProperty } from './scenario.ts';
import type { ScenarioCalendar } from './scenario-calendars.ts';
import { type ServedRead, SnapshotServer } from './snapshot-server.ts';

// A scenario's calendar feeds (docs/simulation-contract.md, version 2): served on loopback, added
// through the host API at `start`, and the reservations the product makes of them found and probed
// as the scenario's own are, since the scenario does not list them.

/** A host API call as the simulator makes it: status and body. */
export type HostApiCall = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: string }>;

/** The kind the product keys its feed_failing alerts under (core/calendars/feed-health.ts). */
const FEED_FAILING_KEY = 'alert-feedfailing';

const calendarsOf = (scenario: Scenario): ScenarioCalendar[] =>
  scenario.properties.flatMap((p) => p.calendars ?? []);

export class FeedWorld {
  /** The product's calendar id of each scenario calendar, once added. */
  readonly calendarIds = new Map<string, string>();
  private readonly runtime: LocalRuntime;
  private readonly server: SnapshotServer;
  private readonly propertyOf = new Map<string, string>();
  /** What has been planned already: a probe per window, a discovery per instant. */
  private readonly planned = new Set<string>();
  private probes: Probes | undefined;

  private constructor(runtime: LocalRuntime, server: SnapshotServer, scenario: Scenario) {
    this.runtime = runtime;
    this.server = server;
    for (const p of scenario.properties) for (const c of p.calendars ?? []) this.propertyOf.set(c.id, p.id);
  }

  /** The feeds' server, or nothing for a scenario without calendars. Start it before virtual time. */
  static async start(runtime: LocalRuntime, scenario: Scenario): Promise<FeedWorld | undefined> {
    const calendars = calendarsOf(scenario);
    if (calendars.length === 0) return undefined;
    let world: FeedWorld | undefined;
    const server = await SnapshotServer.start(calendars, {
      onHold: (target) => runtime.feedFetches.held(target),
      onRead: (read) => world?.onRead(read),
    });
    world = new FeedWorld(runtime, server, scenario);
    return world;
  }

  /** The probes the feed stays are judged with, the scenario's own. */
  observeWith(probes: Probes): void {
    this.probes = probes;
  }

  /** R10.1: the host adds each of the property's links; the product reads them when it will. */
  async register(property: ScenarioProperty, api: HostApiCall): Promise<void> {
    for (const c of property.calendars ?? []) {
      const path = `/v1/properties/${property.id}/calendars`;
      const reply = await api('POST', path, { url: this.server.url(c.id), channel: c.channel });
      if (reply.status !== 201) throw new Error(`POST ${path} answered ${reply.status}: ${reply.body}`);
      this.calendarIds.set(c.id, (JSON.parse(reply.body) as { calendarId: string }).calendarId);
    }
  }

  /** The scenario's id of a product calendar id. */
  scenarioCalendarId(productId: string): string | undefined {
    for (const [scenarioId, id] of this.calendarIds) if (id === productId) return scenarioId;
    return undefined;
  }

  /**
   * Whether a host alert is this feed's R10.5 alert. The alert names no calendar (HostAlert has no
   * calendarId), so its idempotency key's scope, the host and the calendar, tells.
   */
  isAlertAbout(alert: HostAlert, productId: string): boolean {
    const scope = messageKey(FEED_FAILING_KEY, [alert.hostId, productId]);
    return alert.kind === 'feed_failing' && alert.messageId.startsWith(`${scope}-`);
  }

  /** The product's reservations made from feeds of `propertyId`; looking is not the product's AWS call. */
  async feedReservations(propertyId: string): Promise<Reservation[]> {
    const all = await uncounted(() => this.runtime.deps.reservations.listReservations(ACCOUNT, propertyId));
    return all.filter((r) => r.source !== undefined);
  }

  /** After a read has been carried out (a minute on), look for the stays it made, moved or cancelled. */
  private onRead(read: ServedRead): void {
    const propertyId = this.propertyOf.get(read.calendarId);
    const at = read.at + MINUTE;
    if (!propertyId || !this.once(`discover ${propertyId} ${at}`)) return;
    atTracked(this.runtime, at, () => this.discover(propertyId));
  }

  private async discover(propertyId: string): Promise<void> {
    const probes = this.probes;
    if (!probes) return;
    const now = Date.now();
    for (const r of await this.feedReservations(propertyId)) {
      const id = r.reservationId;
      if (r.status === 'cancelled') {
        if (this.once(`cancelled ${id}`))
          probes.deletion(id, Math.max(now, (r.cancelledAt ?? now) + 25 * HOUR));
        continue;
      }
      const { activeFrom, activeUntil } = r.code;
      // As for a scenario booking: judged at activeFrom, or as soon as it is known when that has passed.
      if (this.once(`from ${id} ${activeFrom}`))
        atTracked(this.runtime, Math.max(activeFrom, now), () => probes.workingCode(id, activeFrom));
      if (this.once(`until ${id} ${activeUntil}`)) probes.deletion(id, activeUntil + 25 * HOUR, 'completed');
    }
  }

  private once(key: string): boolean {
    if (this.planned.has(key)) return false;
    this.planned.add(key);
    return true;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
