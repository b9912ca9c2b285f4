import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '#core/time/zoned.ts';
import {
  HEALTHCHECK_CRON,
  HEALTHCHECK_TIME_ZONE,
  HealthcheckWorkflow,
} from '../../../lib/constructs/healthcheck-workflow.ts';
import { parseDefinition } from '../app-fixture.ts';

const SHARD_ARN = 'arn:aws:lambda:us-east-1:111111111111:function:shard';
const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Healthcheck');
new HealthcheckWorkflow(stack, 'Healthcheck', {
  checkShard: lambda.Function.fromFunctionArn(stack, 'Shard', SHARD_ARN),
  shards: 100,
  namePrefix: 'test',
});
const template = Template.fromStack(stack);

describe('R4.3 the daily healthcheck schedule', () => {
  it('runs at 08:00 America/New_York through a time-zone-aware cron, so it follows DST', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
      FlexibleTimeWindow: { Mode: 'OFF' },
    });
  });

  it('means 12:00 UTC on the spring-forward day and 13:00 UTC on the fall-back day', () => {
    expect(HEALTHCHECK_CRON).toMatch(/^cron\(0 8 /);
    const at = (day: string) =>
      new Date(parseDateTime(`${day}T08:00`, HEALTHCHECK_TIME_ZONE) ?? 0).toISOString();
    expect(at('2027-03-14')).toBe('2027-03-14T12:00:00.000Z');
    expect(at('2027-11-07')).toBe('2027-11-07T13:00:00.000Z');
    expect(at('2027-03-13')).toBe('2027-03-13T13:00:00.000Z');
  });

  it('starts the state machine with every shard number as the fan-out items', () => {
    const [schedule] = Object.values(template.findResources('AWS::Scheduler::Schedule')) as {
      Properties: { Target: { Input: string } };
    }[];
    const input = JSON.parse(schedule?.Properties.Target.Input ?? '{}') as { shards: number[] };
    expect(input.shards).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('R4.3 the healthcheck fan-out', () => {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as {
    Properties: Record<string, unknown>;
  }[];
  const { StartAt, States } = parseDefinition(machine?.Properties.DefinitionString);

  it('is a Distributed Map over the shards, one shard-query task per item', () => {
    const map = States[StartAt] as {
      Type: string;
      ItemsPath: string;
      MaxConcurrency: number;
      ItemProcessor: {
        ProcessorConfig: { Mode: string; ExecutionType: string };
        States: Record<string, { Resource?: string }>;
      };
    };
    expect(map).toMatchObject({ Type: 'Map', ItemsPath: '$.shards', MaxConcurrency: 20 });
    expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    // One short Lambda call per child: Express children bill per request, not per transition.
    expect(map.ItemProcessor.ProcessorConfig.ExecutionType).toBe('EXPRESS');
    expect(JSON.stringify(map.ItemProcessor.States)).toContain(SHARD_ARN);
  });
});

describe('R4.3 a throttled shard is retried, not lost (issue 19, finding 7)', () => {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as {
    Properties: Record<string, unknown>;
  }[];
  const { StartAt, States } = parseDefinition(machine?.Properties.DefinitionString);

  it('retries the shard task on Lambda throttling with backoff and jitter', () => {
    const map = States[StartAt] as { ItemProcessor: { States: Record<string, { Retry?: unknown[] }> } };
    const retries = Object.values(map.ItemProcessor.States).flatMap((state) => state.Retry ?? []);
    expect(retries).toContainEqual(
      expect.objectContaining({
        ErrorEquals: ['Lambda.TooManyRequestsException'],
        BackoffRate: 2,
        MaxAttempts: 6,
        JitterStrategy: 'FULL',
      }),
    );
  });
});
