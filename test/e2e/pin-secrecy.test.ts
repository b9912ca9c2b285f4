import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// R9.4: a full run at DEBUG, with every Lambda event logged, and not one PIN in a log line, a
// schedule payload or an error body. Set before the logger is constructed (imports below).
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import type { LocalHttpRequest } from '#local/local-api-gateway.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';
import { parseScenario } from '../../simulator/scenario.ts';
import { simulate } from '../../simulator/simulate.ts';
import { captureOutput } from '../support/capture-output.ts';
import { villaWithFrontDoor } from '../support/villa.ts';

const START = Date.parse('2026-12-01T12:00:00Z');
const END = Date.parse('2026-12-08T12:00:00Z');
const HOST = 'host-1';

/** A PIN as a whole number in the text (not a piece of a longer digit run such as a timestamp). */
const containsPin = (text: string, pin: string) => new RegExp(`(?<!\\d)${pin}(?!\\d)`).test(text);

describe('R9.4 PINs never appear in logs, schedule payloads or error messages', () => {
  const pins = new Set<string>();
  const schedulePayloads: string[] = [];
  const errorBodies: string[] = [];
  let lines: string[] = [];

  async function walkingSkeleton(): Promise<void> {
    const runtime = await LocalRuntime.start();
    const time = VirtualTime.install(START, runtime.activity);
    const send = runtime.request.bind(runtime);
    runtime.request = async (request: LocalHttpRequest) => {
      const response = await send(request);
      if ((response.statusCode ?? 0) >= 400) errorBodies.push(String(response.body));
      return response;
    };
    try {
      const token = runtime.jwt.issue(HOST, Date.now());
      const api = (method: string, path: string, body?: unknown) =>
        runtime.request({
          method,
          path,
          headers: { authorization: `Bearer ${token}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      await villaWithFrontDoor(runtime, HOST);
      const body = reservationEventBody('reservation.accepted', 'evt-1', HOST, Date.now(), {
        reservationId: 'r1',
        propertyId: 'villa',
        channel: 'direct',
        confirmationCode: 'CONF1',
        guest: { name: 'Ana Pérez', email: 'ana@example.com', phone: '+15551234567' },
        checkIn: '2026-12-04T16:00',
        checkOut: '2026-12-06T11:00',
      });
      const delivery = signedDelivery(runtime.channelSecrets[0] ?? '', 'evt-1', Date.now(), body);
      expect(
        (await runtime.request({ method: 'POST', path: '/webhooks/channel', ...delivery })).statusCode,
      ).toBe(202);
      await time.settle();
      expect(runtime.inbox.outcome('evt-1')?.statusCode).toBe(201);
      schedulePayloads.push(JSON.stringify(runtime.scheduler.pending()));
      await time.runUntil(Date.parse('2026-12-04T12:00:00Z'));
      const view = JSON.parse(String((await api('GET', '/v1/reservations/r1')).body));
      pins.add(view.code.pin);
      // A staff member's code is in the staff view's answer only (R12).
      const staff = {
        id: 'crew',
        name: 'Crew',
        email: 'crew@example.com',
        propertyIds: ['villa'],
        schedule: 'always',
      };
      await api('POST', '/v1/staff', staff);
      pins.add(JSON.parse(String((await api('GET', '/v1/staff/crew')).body)).codes[0].pin);
      // Refusals that quote the request back: an unknown placeholder, an unknown reservation.
      await api('POST', '/v1/reservations/r1/render-message', { template: 'Code %smartlock_code% %pin%' });
      await api('POST', '/v1/reservations/r2/render-message', { template: 'Code %smartlock_code%' });
      await api('POST', '/v1/reservations/r1/render-message', { template: 'Your code: %smartlock_code%' });
      schedulePayloads.push(JSON.stringify(runtime.scheduler.pending()));
      await time.runUntil(END);
      expect(runtime.failures).toEqual([]);
    } finally {
      time.uninstall();
      await runtime.stop();
    }
  }

  beforeAll(async () => {
    lines = await captureOutput(async () => {
      await walkingSkeleton();
      const scenario = JSON.parse(readFileSync('examples/calm-week.json', 'utf8'));
      const report = await simulate(parseScenario(scenario));
      for (const r of report.reservations) if (r.pin) pins.add(r.pin);
      // Staff codes (R12) travel the same paths, and the staff routes' own.
      const crew = JSON.parse(readFileSync('examples/turnover-crew.json', 'utf8'));
      const staffReport = await simulate(parseScenario(crew));
      for (const s of staffReport.staff ?? []) for (const c of s.codes) pins.add(c.code);
    });
  });

  afterAll(() => vi.unstubAllEnvs());

  it('ran at DEBUG with the events logged and saw PINs to look for', () => {
    expect(pins.size).toBeGreaterThan(1);
    expect(lines.some((l) => l.includes('"level":"DEBUG"'))).toBe(true);
    expect(lines.some((l) => l.includes('Lambda invocation event'))).toBe(true);
    expect(errorBodies.length).toBeGreaterThanOrEqual(2);
  });

  it('writes no PIN in any log line of the end-to-end and simulator runs', () => {
    const leaks = lines.filter((line) => [...pins].some((pin) => containsPin(line, pin)));
    expect(leaks).toEqual([]);
  });

  it('puts no PIN in a schedule payload', () => {
    for (const payload of schedulePayloads)
      for (const pin of pins) expect(containsPin(payload, pin)).toBe(false);
  });

  it('puts no PIN in an error body', () => {
    for (const body of errorBodies) for (const pin of pins) expect(containsPin(body, pin)).toBe(false);
  });
});
