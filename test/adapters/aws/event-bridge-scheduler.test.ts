import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { atExpression, EventBridgeScheduler, MIN_LEAD_MS } from '#adapters/aws/event-bridge-scheduler.ts';
import type { EntryKind, ScheduledEntry } from '#core/model.ts';
import { entryName } from '#core/reservations/entries.ts';
import { reservation } from './fixtures.ts';

const NOW = Date.parse('2026-07-01T12:00:00Z');
const config = {
  groupName: 'lockstep-reservations',
  roleArn: 'arn:aws:iam::123456789012:role/lockstep-scheduler',
  dlqArn: 'arn:aws:sqs:us-east-1:123456789012:lockstep-scheduler-dlq',
  targets: {
    provision: 'arn:aws:lambda:us-east-1:123456789012:function:entry-provision',
    'provision-check': 'arn:aws:lambda:us-east-1:123456789012:function:entry-provision-check',
    'provision-retry': 'arn:aws:states:us-east-1:123456789012:stateMachine:provisioning',
    message: 'arn:aws:lambda:us-east-1:123456789012:function:entry',
    delete: 'arn:aws:lambda:us-east-1:123456789012:function:entry-delete',
    'backup-check': 'arn:aws:lambda:us-east-1:123456789012:function:entry-backup',
  },
};
const scheduler = mockClient(SchedulerClient);
const adapter = new EventBridgeScheduler(new SchedulerClient({ region: 'us-east-1' }), config, () => NOW);

// A entry built the careless way, by spreading a reservation (PIN 739164 and all) into it: the adapter
// must still send ids only.
const entryOf = (kind: EntryKind, at = Date.parse('2026-07-10T15:30:00-06:00')): ScheduledEntry => {
  const r = reservation('host-1', 'res-1', 'p1', '739164');
  return { ...r, name: entryName(kind, r.hostId, r.reservationId), kind, at };
};
const conflict = () => new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} });
const notFound = () =>
  new ResourceNotFoundException({ message: 'not found', Message: 'not found', $metadata: {} });
const invalid = () =>
  new ValidationException({ message: 'invalid request', Message: 'invalid request', $metadata: {} });
const created = () => scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input);

beforeEach(() => {
  scheduler.reset();
  scheduler.onAnyCommand().resolves({});
});

describe('R2.4 one-time schedules', () => {
  it('creates a self-deleting at() schedule in the group, with role, DLQ and retry policy', async () => {
    await adapter.schedule(entryOf('message'));

    expect(created()).toEqual([
      {
        Name: entryName('message', 'host-1', 'res-1'),
        GroupName: 'lockstep-reservations',
        ScheduleExpression: 'at(2026-07-10T21:30:00)',
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: config.targets.message,
          RoleArn: config.roleArn,
          Input: JSON.stringify({
            kind: 'message',
            hostId: 'host-1',
            reservationId: 'res-1',
            correlationId: entryName('message', 'host-1', 'res-1'),
          }),
          DeadLetterConfig: { Arn: config.dlqArn },
          RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
        },
      },
    ]);
  });

  it('R4.1 starts the provisioning state machine for a retry with its execution input', async () => {
    await adapter.schedule(entryOf('provision-retry'));

    expect(created()[0]?.Target).toMatchObject({
      Arn: config.targets['provision-retry'],
      Input: JSON.stringify({
        hostId: 'host-1',
        reservationId: 'res-1',
        correlationId: entryName('provision-retry', 'host-1', 'res-1'),
      }),
    });
  });

  it('R2.3 sends the first attempt and its check to their target with their kind', async () => {
    await adapter.schedule(entryOf('provision'));
    await adapter.schedule(entryOf('provision-check'));

    expect(created().map((c) => [c.Target?.Arn, JSON.parse(c.Target?.Input ?? '{}').kind])).toEqual([
      [config.targets.provision, 'provision'],
      [config.targets['provision-check'], 'provision-check'],
    ]);
  });

  it('carries the correlation id of the request that scheduled the entry', async () => {
    await adapter.schedule({ ...entryOf('message'), correlationId: 'evt-42' });

    expect(JSON.parse(created()[0]?.Target?.Input ?? '{}')).toMatchObject({ correlationId: 'evt-42' });
  });

  it('sends a deletion to the deletion target with its kind', async () => {
    await adapter.schedule(entryOf('delete'));

    expect(created()[0]?.Target).toMatchObject({
      Arn: config.targets.delete,
      Input: JSON.stringify({
        kind: 'delete',
        hostId: 'host-1',
        reservationId: 'res-1',
        correlationId: entryName('delete', 'host-1', 'res-1'),
      }),
    });
  });

  it('R4.4 sends the 36-hours-before backup check to its target with its kind', async () => {
    await adapter.schedule(entryOf('backup-check'));

    expect(created()[0]?.Target?.Arn).toBe(config.targets['backup-check']);
    expect(JSON.parse(created()[0]?.Target?.Input ?? '{}')).toMatchObject({
      kind: 'backup-check',
      hostId: 'host-1',
      reservationId: 'res-1',
    });
    expect(created()[0]?.Name).toMatch(/^backup-check-[0-9a-f]{40}$/);
  });

  it('R9.4 never puts the PIN into any schedule', async () => {
    for (const kind of ['provision', 'message', 'delete'] as const) await adapter.schedule(entryOf(kind));

    expect(created()).toHaveLength(3);
    for (const input of created()) expect(JSON.stringify(input)).not.toContain('739164');
  });

  it('moves an existing entry with the same request when creation conflicts', async () => {
    scheduler.on(CreateScheduleCommand).rejects(conflict());

    await adapter.schedule(entryOf('message'));

    const updated = scheduler.commandCalls(UpdateScheduleCommand).map((c) => c.args[0].input);
    expect(updated).toEqual(created());
  });

  it('creates the entry again when it fired and deleted itself before the move', async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({});
    scheduler.on(UpdateScheduleCommand).rejects(notFound());

    await adapter.schedule(entryOf('message'));

    expect(created()).toHaveLength(2);
    expect(created()[1]).toEqual(created()[0]);
  });

  it('passes other failures on', async () => {
    scheduler.on(CreateScheduleCommand).rejects(invalid());

    await expect(adapter.schedule(entryOf('message'))).rejects.toThrow('invalid request');
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });
});

describe('instants EventBridge accepts', () => {
  it('writes the UTC wall time of an instant given in any offset', () => {
    expect(atExpression(Date.parse('2026-07-10T15:30:00-06:00'))).toBe('at(2026-07-10T21:30:00)');
    expect(atExpression(Date.parse('2026-01-01T02:15:45+05:30'))).toBe('at(2025-12-31T20:45:45)');
  });

  it('rounds a fractional second up, so an entry never fires early', () => {
    expect(atExpression(Date.parse('2026-07-10T21:30:00.001Z'))).toBe('at(2026-07-10T21:30:01)');
    expect(atExpression(Date.parse('2026-07-10T21:30:00.000Z'))).toBe('at(2026-07-10T21:30:00)');
  });

  it('moves an instant in the past to a minute from now', async () => {
    await adapter.schedule(entryOf('provision', NOW - 3_600_000));

    expect(created()[0]?.ScheduleExpression).toBe(atExpression(NOW + MIN_LEAD_MS));
    expect(created()[0]?.ScheduleExpression).toBe('at(2026-07-01T12:01:00)');
  });

  it('moves an instant due within the minute to a minute from now', async () => {
    await adapter.schedule(entryOf('provision', NOW + 5_000));

    expect(created()[0]?.ScheduleExpression).toBe('at(2026-07-01T12:01:00)');
  });

  it('keeps an instant more than a minute ahead', async () => {
    await adapter.schedule(entryOf('provision', NOW + MIN_LEAD_MS + 1_000));

    expect(created()[0]?.ScheduleExpression).toBe('at(2026-07-01T12:01:01)');
  });
});

describe('schedule names', () => {
  it.each([
    ['empty', ''],
    ['longer than 64 characters', 'x'.repeat(65)],
    ['with characters outside [0-9a-zA-Z-_.]', 'message#host-1'],
  ])('refuses a name that is %s without calling AWS', async (_, name) => {
    await expect(adapter.schedule({ ...entryOf('message'), name })).rejects.toThrow('invalid schedule name');
    await expect(adapter.cancel(name)).rejects.toThrow('invalid schedule name');
    expect(scheduler.calls()).toHaveLength(0);
  });

  it('accepts a 64-character name', async () => {
    await adapter.schedule({ ...entryOf('message'), name: `a-_.${'Z9'.repeat(30)}` });

    expect(created()[0]?.Name).toHaveLength(64);
  });
});

describe('cancelling', () => {
  it('deletes the entry from the group', async () => {
    await adapter.cancel('message-abc');

    expect(scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input)).toEqual([
      { Name: 'message-abc', GroupName: 'lockstep-reservations' },
    ]);
  });

  it('treats a missing entry as cancelled', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(notFound());

    await expect(adapter.cancel('message-abc')).resolves.toBeUndefined();
  });

  it('passes other failures on', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(invalid());

    await expect(adapter.cancel('message-abc')).rejects.toThrow('invalid request');
  });
});
