import type { Instant } from '#core/model.ts';
import { codeWindow, HOUR, MINUTE } from '#core/time/timeline.ts';
import { parseDateTime } from '#core/time/zoned.ts';
import { uncounted } from '#local/aws-calls.ts';
import { messageSentEventBody, reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import type { FeedWorld } from './feed-world.ts';
import { ACCOUNT, atTracked, type Observations, Probes } from './probes.ts';
import type { Scenario, ScenarioReservation } from './scenario.ts';

export { ACCOUNT, type Observations } from './probes.ts';
export const CHANNEL_SECRET = 'simulated-channel-secret';
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
  private eventCount = 0;

  constructor(runtime: LocalRuntime, scenario: Scenario, feeds?: FeedWorld) {
    this.runtime = runtime;
    this.scenario = scenario;
    this.probes = new Probes(runtime, this.observations);
    this.feeds = feeds;
    feeds?.observeWith(this.probes);
    const span = (Date.parse(scenario.end) - Date.parse(scenario.start)) / 1000;
    this.token = runtime.jwt.issue(ACCOUNT, Date.now(), span + 86_400);
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
    this.at(acceptedAt, () => this.deliver('reservation.accepted', r.id, fields));
    for (const e of r.events) {
      this.at(Date.parse(e.at), async () => {
        if (e.type === 'message') return this.hostMessage(r.id, e.host, e.usesShortcode);
        if (e.type === 'cancelled') {
          this.probes.deletion(r.id, Date.now() + 25 * HOUR);
          return this.deliver('reservation.cancelled', r.id, fields);
        }
        Object.assign(fields, {
          ...(e.checkIn ? { checkIn: e.checkIn } : {}),
          ...(e.checkOut ? { checkOut: e.checkOut } : {}),
          ...(e.propertyId ? { propertyId: e.propertyId } : {}),
          ...(e.guest ? { guest: e.guest } : {}),
        });
        // The simulator's own look-ups, around the delivery: no call of the product's.
        const look = () => uncounted(() => this.runtime.deps.reservations.getReservation(ACCOUNT, r.id));
        const before = await look();
        await this.deliver('reservation.modified', r.id, fields);
        // A stay that moved is judged at its new activeFrom and an hour after its new deletion time (R7.1).
        const after = await look();
        if (after?.status !== 'accepted') return;
        const { activeFrom, activeUntil } = after.code;
        if (activeFrom !== before?.code.activeFrom) {
          this.at(Math.max(activeFrom, Date.now() + MINUTE), () => this.probes.workingCode(r.id, activeFrom));
        }
        if (activeUntil !== before?.code.activeUntil)
          this.probes.deletion(r.id, activeUntil + 25 * HOUR, 'completed');
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
    await this.post('message.sent', reservationId, eventId, now, body);
  }

  private async deliver(
    type: string,
    reservationId: string,
    fields: Parameters<typeof reservationEventBody>[4],
  ) {
    const eventId = `evt-${++this.eventCount}`;
    const now = Date.now();
    const body = reservationEventBody(type, eventId, ACCOUNT, now, fields);
    await this.post(type, reservationId, eventId, now, body);
  }

  private async post(type: string, reservationId: string, eventId: string, now: Instant, body: string) {
    const reply = await this.runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(CHANNEL_SECRET, eventId, now, body),
    });
    if ((reply.statusCode ?? 500) >= 300) {
      const error = JSON.parse(reply.body ?? '{}') as { error?: { message?: string } };
      this.note({
        reservationId,
        note: `${type} refused (${reply.statusCode}): ${error.error?.message ?? ''}`,
      });
    }
  }

  private async api(method: string, path: string, body?: unknown, mustSucceed = true): Promise<number> {
    const reply = await this.call(method, path, body);
    if (mustSucceed && reply.status >= 300)
      throw new Error(`${method} ${path} answered ${reply.status}: ${reply.body}`);
    return reply.status;
  }

  /** The host API, as the scenario's host calls it. */
  private async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: string }> {
    const reply = await this.runtime.request({
      method,
      path,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return { status: reply.statusCode ?? 500, body: reply.body ?? '' };
  }

  private note(n: { reservationId?: string; lockId?: string; note: string }): void {
    this.observations.notes.push({ at: Date.now(), ...n });
  }

  /** A scenario event as a virtual timer; same-instant events keep scenario order. */
  private at(instant: Instant, action: () => Promise<unknown> | undefined): void {
    atTracked(this.runtime, instant, action);
  }
}
