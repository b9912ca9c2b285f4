import type { Instant } from '#core/model.ts';
import { codeWindow, HOUR, MINUTE } from '#core/time/timeline.ts';
import { parseDateTime } from '#core/time/zoned.ts';
import { uncounted } from '#local/aws-calls.ts';
import { messageSentEventBody, reservationEventBody } from '#local/channel-partner.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import { ChannelSender } from './channel-sender.ts';
import type { FeedWorld } from './feed-world.ts';
import { ACCOUNT, atTracked, type Observations, Probes } from './probes.ts';
import { heldBackDeliveries } from './reordered-deliveries.ts';
import type { Scenario, ScenarioReservation } from './scenario.ts';
import { setUpStaff } from './staff-world.ts';

export { ACCOUNT, type Observations } from './probes.ts';
export const CHANNEL_SECRET = 'simulated-channel-secret';
/** How often the scenario's host tries a host API call that failed with a 5xx (a host clicks again). */
const HOST_TRIES = 20;
/** What a scenario host writes when a `message` event uses the shortcode. */
export const SHORTCODE_TEMPLATE = 'Looking forward to your stay! Your door code is %smartlock_code%.';

/**
 * Plays a scenario against the local runtime in virtual time: the locks become sandbox devices,
 * the properties and matches go through the host API, reservation events through the signed
 * channel webhook, and probes observe what a guest would have found at the door.
 */
export class SimulatedWorld {
  readonly observations: Observations = {
    workingAtActiveFrom: new Map(),
    codesLeftAfterDeletionDue: 0,
    notes: [],
  };
  private readonly runtime: LocalRuntime;
  private readonly scenario: Scenario;
  private readonly probes: Probes;
  private readonly feeds: FeedWorld | undefined;
  private readonly token: string;
  private readonly sender: ChannelSender;
  private eventCount = 0;
  /** Each delivery's type and stay, and what to do once the inbox consumer has acted on it. */
  private readonly sent = new Map<
    string,
    { type: string; reservationId: string; then?: () => Promise<void> }
  >();

  constructor(runtime: LocalRuntime, scenario: Scenario, feeds?: FeedWorld) {
    this.runtime = runtime;
    this.scenario = scenario;
    this.probes = new Probes(runtime, this.observations);
    this.feeds = feeds;
    feeds?.observeWith(this.probes);
    const span = (Date.parse(scenario.end) - Date.parse(scenario.start)) / 1000;
    this.token = runtime.jwt.issue(ACCOUNT, Date.now(), span + 86_400);
    this.sender = new ChannelSender(runtime, CHANNEL_SECRET, (d, status, message) =>
      this.note({ reservationId: d.reservationId, note: `${d.type} refused (${status}): ${message}` }),
    );
    // A delivery the webhook queued is acted on by the inbox consumer (R9.5): its refusals are
    // noted as the webhook's were, and a change is looked at once it has been applied.
    runtime.inbox.onOutcome((eventId, outcome) => {
      const status = outcome.statusCode ?? 500;
      const d = this.sent.get(eventId);
      this.sent.delete(eventId);
      if (status >= 400) {
        const error = JSON.parse(String(outcome.body ?? '{}')) as { error?: { message?: string } };
        const note = `${d?.type} refused (${status}): ${error.error?.message ?? ''}`;
        this.note({ ...(d && { reservationId: d.reservationId }), note });
      }
      if (d?.then) void runtime.activity.track(d.then);
    });
  }

  /** Devices, properties and matches at `start`; every later event as a timer at its instant. */
  async setUp(): Promise<void> {
    const start = Date.parse(this.scenario.start);
    for (const lock of this.scenario.locks) {
      this.runtime.sandbox.addDevice({
        deviceId: lock.id,
        model: lock.model,
        nativeScheduling: lock.nativeScheduling,
        codeLengths: lock.codeLengths ?? [4, 5, 6, 7, 8],
        maxCodes: lock.maxCodes,
        existingCodes: lock.existingCodes,
        offline: lock.offline.map((w) => ({ from: Date.parse(w.from), to: Date.parse(w.to) })),
        rejectNext: lock.rejectNext,
        ...(lock.offlineCodes ? { offlineCodes: lock.offlineCodes } : {}),
      });
      await this.api('POST', '/v1/locks', {
        id: lock.id,
        name: lock.name ?? lock.id,
        provider: 'sandbox',
        deviceId: lock.id,
        model: lock.model,
        nativeScheduling: lock.nativeScheduling,
        ...(lock.codeLengths ? { codeLengths: lock.codeLengths } : {}),
        maxCodes: lock.maxCodes,
        backupPoolSize: lock.backupPoolSize,
        ...(lock.supportsBackupPool === undefined ? {} : { supportsBackupPool: lock.supportsBackupPool }),
      });
    }
    for (const p of this.scenario.properties) {
      const { checkInTime, checkOutTime, ...settings } = p.settings;
      await this.api('POST', '/v1/properties', {
        id: p.id,
        name: p.name ?? p.id,
        timeZone: p.timeZone,
        hosts: p.hosts,
        ...settings,
      });
      // R10.2's times are set as a host sets them, on the property once it exists.
      const times = { ...(checkInTime && { checkInTime }), ...(checkOutTime && { checkOutTime }) };
      if (Object.keys(times).length > 0) await this.api('PATCH', `/v1/properties/${p.id}`, times);
      for (const lockId of p.locks) await this.api('PUT', `/v1/properties/${p.id}/locks/${lockId}`);
      await this.feeds?.register(p, (method, path, body) => this.call(method, path, body));
    }
    await setUpStaff(
      this.scenario,
      async (method, path, body) => (await this.call(method, path, body)).status,
      (instant, action) => this.at(instant, action),
      (note) => this.note({ note }),
    );
    for (const r of this.scenario.reservations) this.scheduleReservation(r, start);
    for (const e of this.scenario.lockEvents) {
      this.at(Date.parse(e.at), async () => {
        if (e.type === 'wiped') return this.runtime.sandbox.wipe(e.lockId);
        const path =
          e.type === 'resync'
            ? `/v1/locks/${e.lockId}/resync`
            : `/v1/properties/${e.propertyId}/locks/${e.lockId}`;
        const method = e.type === 'matched' ? 'PUT' : e.type === 'unmatched' ? 'DELETE' : 'POST';
        const reply = await this.api(method, path, undefined, false);
        if (reply >= 300) this.note({ lockId: e.lockId, note: `${e.type}: host API answered ${reply}` });
      });
    }
  }

  private scheduleReservation(r: ScenarioReservation, start: Instant): void {
    const fields = {
      reservationId: r.id,
      propertyId: r.propertyId,
      channel: r.channel,
      confirmationCode: r.confirmationCode,
      guest: r.guest,
      checkIn: r.checkIn,
      checkOut: r.checkOut,
    };
    const acceptedAt = Math.max(start, Date.parse(r.bookedAt));
    // With faults, a delivery may reach Lockstep only after the next one about the same stay (R9.1).
    const heldUntil = heldBackDeliveries(this.runtime.faults.plan, r, acceptedAt);
    const accepted = { ...fields };
    this.at(heldUntil.get(-1) ?? acceptedAt, () =>
      this.deliver('reservation.accepted', r.id, accepted, acceptedAt),
    );
    for (const [j, e] of r.events.entries()) {
      const at = Date.parse(e.at);
      // Each delivery describes the stay as it was when the event happened, whenever it arrives.
      if (e.type === 'modified') {
        Object.assign(fields, {
          ...(e.checkIn ? { checkIn: e.checkIn } : {}),
          ...(e.checkOut ? { checkOut: e.checkOut } : {}),
          ...(e.propertyId ? { propertyId: e.propertyId } : {}),
          ...(e.guest ? { guest: e.guest } : {}),
        });
      }
      const snapshot = { ...fields };
      this.at(heldUntil.get(j) ?? at, async () => {
        if (e.type === 'message') return this.hostMessage(r.id, e.host, e.usesShortcode);
        if (e.type === 'cancelled') {
          this.probes.deletion(r.id, at + 25 * HOUR);
          return this.deliver('reservation.cancelled', r.id, snapshot, at);
        }
        // The simulator's own look-ups, around the change: no call of the product's.
        const look = () => uncounted(() => this.runtime.deps.reservations.getReservation(ACCOUNT, r.id));
        const before = await look();
        // A stay that moved is judged at its new activeFrom and an hour after its new deletion time (R7.1),
        // once the inbox consumer has applied the change.
        await this.deliver('reservation.modified', r.id, snapshot, at, async () => {
          const after = await look();
          if (after?.status !== 'accepted') return;
          const { activeFrom, activeUntil } = after.code;
          if (activeFrom !== before?.code.activeFrom) {
            this.at(Math.max(activeFrom, Date.now() + MINUTE), () =>
              this.probes.workingCode(r.id, activeFrom),
            );
          }
          if (activeUntil !== before?.code.activeUntil)
            this.probes.deletion(r.id, activeUntil + 25 * HOUR, 'completed');
        });
      });
    }
    const property = this.scenario.properties.find((p) => p.id === r.propertyId);
    if (!property) return;
    const stay = {
      checkIn: parseDateTime(r.checkIn, property.timeZone) ?? 0,
      checkOut: parseDateTime(r.checkOut, property.timeZone) ?? 0,
    };
    const window = codeWindow(stay, property.settings);
    // A booking that arrives after activeFrom is judged a minute after acceptance (R4.4's minute).
    this.at(Math.max(window.activeFrom, acceptedAt + MINUTE), () =>
      this.probes.workingCode(r.id, window.activeFrom),
    );
    this.probes.deletion(r.id, window.activeUntil + 25 * HOUR, 'completed');
  }

  /**
   * A listing host writes to the guest. With the shortcode, the host's message goes through the render
   * endpoint and out to the guest (R5.5); either way the channel then reports who wrote (R5.3).
   */
  private async hostMessage(reservationId: string, host: string, usesShortcode: boolean): Promise<void> {
    if (usesShortcode) {
      const reply = await this.api(
        'POST',
        `/v1/reservations/${reservationId}/render-message`,
        { template: SHORTCODE_TEMPLATE, send: true, from: host },
        false,
      );
      if (reply >= 300) this.note({ reservationId, note: `host ${host} message: render answered ${reply}` });
    }
    const eventId = `evt-${++this.eventCount}`;
    const now = Date.now();
    const body = messageSentEventBody(eventId, ACCOUNT, now, {
      reservationId,
      senderHostId: host,
      sentAt: now,
    });
    this.sent.set(eventId, { type: 'message.sent', reservationId });
    await this.sender.send({ type: 'message.sent', reservationId, eventId, body });
  }

  /**
   * A reservation event as the partner sends it, `occurredAt` when it happened; `then` runs once
   * the inbox consumer has acted on it.
   */
  private async deliver(
    type: string,
    reservationId: string,
    fields: Parameters<typeof reservationEventBody>[4],
    occurredAt: Instant,
    then?: () => Promise<void>,
  ) {
    const eventId = `evt-${++this.eventCount}`;
    const body = reservationEventBody(type, eventId, ACCOUNT, occurredAt, fields);
    this.sent.set(eventId, { type, reservationId, ...(then && { then }) });
    await this.sender.send({ type, reservationId, eventId, body });
  }

  private async api(method: string, path: string, body?: unknown, mustSucceed = true): Promise<number> {
    const reply = await this.call(method, path, body);
    if (mustSucceed && reply.status >= 300)
      throw new Error(`${method} ${path} answered ${reply.status}: ${reply.body}`);
    return reply.status;
  }

  /** The host API, as the scenario's host calls it: a 5xx is tried again, as a host clicks again. */
  private async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: string }> {
    for (let tries = 1; ; tries++) {
      const reply = await this.runtime.request({
        method,
        path,
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: body === undefined ? '' : JSON.stringify(body),
      });
      const status = reply.statusCode ?? 500;
      if (status < 500 || tries >= HOST_TRIES) return { status, body: reply.body ?? '' };
    }
  }

  private note(n: { reservationId?: string; lockId?: string; note: string }): void {
    this.observations.notes.push({ at: Date.now(), ...n });
  }

  /** A scenario event as a virtual timer; same-instant events keep scenario order. */
  private at(instant: Instant, action: () => Promise<unknown> | undefined): void {
    atTracked(this.runtime, instant, action);
  }
}
