import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Issue 8: one booking's webhook, workflow tasks and guest message log under one correlation id, the
// webhook's delivery id. Logs at DEBUG so every invocation writes lines; set before the logger exists.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';
import { captureOutput } from '../support/capture-output.ts';
import { villaWithFrontDoor } from '../support/villa.ts';

const START = Date.parse('2026-12-01T12:00:00Z');
const DELIVERY_ID = 'evt-booking-r1';

interface LogLine {
  function_name?: string;
  correlation_id?: string;
  message?: string;
  event?: { kind?: string };
}

/** Every JSON log line written while `run` runs. */
async function captureLogs(run: () => Promise<void>): Promise<LogLine[]> {
  const lines = await captureOutput(run);
  return lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);
}

describe('correlation ids across webhook → workflow → message', () => {
  let lines: LogLine[] = [];
  let codeMessages = 0;

  beforeAll(async () => {
    lines = await captureLogs(async () => {
      const runtime = await LocalRuntime.start();
      const time = VirtualTime.install(START, runtime.activity);
      try {
        // The lock refuses the first attempt, so the retry runs in the provisioning workflow.
        await villaWithFrontDoor(runtime, 'host-1', { rejectNext: 1 });
        const body = reservationEventBody('reservation.accepted', DELIVERY_ID, 'host-1', Date.now(), {
          reservationId: 'r1',
          propertyId: 'villa',
          channel: 'direct',
          confirmationCode: 'CONF1',
          guest: { name: 'Ana Pérez', email: 'ana@example.com' },
          checkIn: '2026-12-04T16:00',
          checkOut: '2026-12-06T11:00',
        });
        const delivery = signedDelivery(runtime.channelSecrets[0] ?? '', DELIVERY_ID, Date.now(), body);
        await runtime.request({ method: 'POST', path: '/webhooks/channel', ...delivery });
        await time.runUntil(Date.parse('2026-12-05T12:00:00Z'));
        codeMessages = runtime.outbox.entries.filter((e) => e.via === 'email').length;
        expect(runtime.failures).toEqual([]);
      } finally {
        time.uninstall();
        await runtime.stop();
      }
    });
  });

  afterAll(() => vi.unstubAllEnvs());

  const of = (functionName: string) => lines.filter((l) => l.function_name === functionName);

  it('logs every line of the booking webhook under its delivery id', () => {
    const webhook = of('channel-webhook');
    expect(webhook.length).toBeGreaterThan(0);
    expect(new Set(webhook.map((l) => l.correlation_id))).toEqual(new Set([DELIVERY_ID]));
  });

  it('R4.1 runs the first attempt and its check as entries, and the retry in the workflow', () => {
    const kinds = of('scheduled-entry').flatMap((l) => l.event?.kind ?? []);
    expect(kinds.filter((k) => k.startsWith('provision'))).toEqual(['provision', 'provision-check']);
  });

  it('logs every line of the provisioning workflow tasks under the same id', () => {
    const tasks = [...of('provision-attempt'), ...of('provision-check')];
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((l) => l.correlation_id))).toEqual(new Set([DELIVERY_ID]));
  });

  it('logs every line of the guest message entry under the same id', () => {
    expect(codeMessages).toBeGreaterThan(0);
    const entry = of('scheduled-entry');
    expect(entry.length).toBeGreaterThan(0);
    expect(new Set(entry.map((l) => l.correlation_id))).toEqual(new Set([DELIVERY_ID]));
  });
});
