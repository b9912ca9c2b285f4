import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { PROVISIONING_STATES as S } from '../../lib/constructs/provisioning-workflow.ts';
import { synthesizedProvisioningDefinition } from '../../local/workflow-definitions.ts';

type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

const input = { hostId: 'host-1', reservationId: 'res-1', correlationId: 'evt-1' };

describe('synthesizedProvisioningDefinition', () => {
  it('binds each task state to its fixed local ARN', () => {
    const { definition, taskArns } = synthesizedProvisioningDefinition();
    const states = (definition as StateMachineDefinition).States;
    expect(states[S.attempt]).toMatchObject({ Type: 'Task', Resource: taskArns.provisionAttempt });
    expect(states[S.check]).toMatchObject({ Type: 'Task', Resource: taskArns.provisionCheck });
  });

  it('synthesizes once per process', () => {
    expect(synthesizedProvisioningDefinition()).toBe(synthesizedProvisioningDefinition());
  });

  it('R4.1 runs in aws-local-stepfunctions: attempt, check, wait for the retry, attempt, check, done', async () => {
    const { definition } = synthesizedProvisioningDefinition();
    const calls: string[] = [];
    // The first check plans a retry (at an instant already past), the second is done.
    const checkOutcomes: Record<string, string>[] = [
      { outcome: 'retry', nextAttemptAt: '2020-01-01T00:00:00.000Z' },
      { outcome: 'done' },
    ];
    const machine = new StateMachine(definition as StateMachineDefinition);

    const handlers: TaskHandlers = {
      [S.attempt]: (payload) => {
        calls.push(`${S.attempt} ${JSON.stringify(payload)}`);
        return { requested: 1 };
      },
      [S.check]: (payload) => {
        calls.push(`${S.check} ${JSON.stringify(payload)}`);
        return checkOutcomes.shift() ?? { outcome: 'stopped' };
      },
    };
    const execution = machine.run(input, {
      overrides: {
        taskResourceLocalHandlers: handlers,
        waitTimeOverrides: { [S.awaitConfirmation]: 0, [S.waitForNextAttempt]: 0 },
      },
    });

    const result = await execution.result;
    const payload = JSON.stringify(input);
    expect(calls).toEqual([
      `${S.attempt} ${payload}`,
      `${S.check} ${payload}`,
      `${S.attempt} ${payload}`,
      `${S.check} ${payload}`,
    ]);
    expect(result).toMatchObject({ ...input, attempt: { requested: 1 }, check: { outcome: 'done' } });
  });

  describe('R4.1 a task that times out keeps the retry plan', () => {
    const timedOut = (name: string) => Object.assign(new Error('task timed out'), { name });
    const noWaits = {
      waitTimeOverrides: { [S.awaitConfirmation]: 0, [S.waitForNextAttempt]: 0 },
      retryIntervalOverrides: { [S.attempt]: 0, [S.check]: 0 },
    };

    /** Runs the synthesized definition: each attempt fails with the next of `timeouts` until none is left; checks answer in turn. */
    const run = async (timeouts: Error[], checks: Record<string, string>[]) => {
      const machine = new StateMachine(
        synthesizedProvisioningDefinition().definition as StateMachineDefinition,
      );
      const calls: string[] = [];
      const execution = machine.run(input, {
        overrides: {
          ...noWaits,
          taskResourceLocalHandlers: {
            [S.attempt]: () => {
              const failure = timeouts.shift();
              calls.push(`${S.attempt}${failure ? ' timed out' : ''}`);
              if (failure) throw failure;
              return { requested: 1 };
            },
            [S.check]: () => {
              calls.push(S.check);
              return checks.shift() ?? { outcome: 'stopped' };
            },
          },
        },
      });
      return { calls, result: await execution.result };
    };

    it('retries an attempt that timed out, then goes on as usual', async () => {
      const { calls } = await run([timedOut('States.Timeout')], [{ outcome: 'done' }]);
      expect(calls).toEqual([`${S.attempt} timed out`, S.attempt, S.check]);
    });

    it('sends an attempt that never finishes to the check, whose plan makes the next attempt', async () => {
      // Lambda's own timeout, on the first try and both retries.
      const { calls, result } = await run(
        [timedOut('Sandbox.Timedout'), timedOut('Sandbox.Timedout'), timedOut('States.Timeout')],
        [{ outcome: 'retry', nextAttemptAt: '2020-01-01T00:00:00.000Z' }, { outcome: 'done' }],
      );
      expect(calls).toEqual([
        `${S.attempt} timed out`,
        `${S.attempt} timed out`,
        `${S.attempt} timed out`,
        S.check,
        S.attempt,
        S.check,
      ]);
      expect(result).toMatchObject({ check: { outcome: 'done' }, attempt: { requested: 1 } });
    });
  });
});
