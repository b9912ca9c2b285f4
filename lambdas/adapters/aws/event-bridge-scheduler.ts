import type { CreateScheduleCommandInput, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { EntryKind, Instant, ScheduledEntry } from '#core/model.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import { isAwsError } from './aws-error.ts';

export interface EventBridgeSchedulerConfig {
  groupName: string;
  /** The role EventBridge Scheduler assumes to invoke the targets. */
  roleArn: string;
  /** Where an invocation goes after its retries are exhausted. */
  dlqArn: string;
  /** Each entry kind's target ARN: the provisioning state machine or the entry function. */
  targets: Readonly<Record<EntryKind, string>>;
}

// EventBridge Scheduler rejects at() in the past, and a request can land seconds after it was built:
// anything due sooner than this fires this far from now instead, at once for the core's purposes.
export const MIN_LEAD_MS = 60_000;

// Loaded on the first call, not at cold start: a function that schedules nothing never pays for it.
const schedulerCommands = () => import('@aws-sdk/client-scheduler');

// The service's rule for schedule names.
const SCHEDULE_NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;

// EventBridge's limits: a day of retries, as many attempts as it allows.
const RETRY_POLICY = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 };

/** One-time `at()` schedules in a dedicated group that delete themselves after firing (R2.4). */
export class EventBridgeScheduler implements Scheduler {
  private readonly client: SchedulerClient;
  private readonly config: EventBridgeSchedulerConfig;
  private readonly now: () => Instant;

  constructor(client: SchedulerClient, config: EventBridgeSchedulerConfig, now: () => Instant) {
    this.client = client;
    this.config = config;
    this.now = now;
  }

  async schedule(entry: ScheduledEntry): Promise<void> {
    const { CreateScheduleCommand, UpdateScheduleCommand } = await schedulerCommands();
    const input = this.scheduleInput(entry);
    try {
      await this.client.send(new CreateScheduleCommand(input));
      return;
    } catch (error) {
      if (!isAwsError(error, 'ConflictException')) throw error;
    }
    // The entry exists: move it (R2.4). If it fired and deleted itself in between, create it again.
    try {
      await this.client.send(new UpdateScheduleCommand(input));
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
      await this.client.send(new CreateScheduleCommand(input));
    }
  }

  async cancel(name: string): Promise<void> {
    validateName(name);
    const { DeleteScheduleCommand } = await schedulerCommands();
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.config.groupName }));
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
    }
  }

  private scheduleInput(entry: ScheduledEntry): CreateScheduleCommandInput {
    validateName(entry.name);
    const at = Math.max(entry.at, this.now() + MIN_LEAD_MS);
    return {
      Name: entry.name,
      GroupName: this.config.groupName,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: this.config.targets[entry.kind],
        RoleArn: this.config.roleArn,
        Input: JSON.stringify(targetInput(entry)),
        DeadLetterConfig: { Arn: this.config.dlqArn },
        RetryPolicy: RETRY_POLICY,
      },
    };
  }
}

interface TargetInput {
  kind?: EntryKind;
  hostId: string;
  reservationId: string;
  correlationId: string;
}

/**
 * Ids only, picked field by field so nothing else on the entry can leak into the target (R9.4).
 * The correlation id is always there (the workflow's task payload reads it): the entry's name
 * stands in when no request caused it.
 */
function targetInput(entry: ScheduledEntry): TargetInput {
  const ids = {
    hostId: entry.hostId,
    reservationId: entry.reservationId,
    correlationId: entry.correlationId ?? entry.name,
  };
  // The provisioning state machine takes its execution input; the entry function needs the kind.
  return entry.kind === 'provision-retry' ? ids : { kind: entry.kind, ...ids };
}

/**
 * `at(yyyy-mm-ddThh:mm:ss)` in UTC. The expression has whole seconds: a fractional instant rounds up
 * so an entry never fires before its instant.
 */
export function atExpression(at: Instant): string {
  const wholeSeconds = Math.ceil(at / 1000) * 1000;
  return `at(${new Date(wholeSeconds).toISOString().slice(0, 19)})`;
}

function validateName(name: string): void {
  if (!SCHEDULE_NAME.test(name)) {
    throw new Error(`invalid schedule name ${JSON.stringify(name)}: need 1-64 of [0-9a-zA-Z-_.]`);
  }
}
