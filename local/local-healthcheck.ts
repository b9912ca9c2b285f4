import type { StateMachine } from 'aws-local-stepfunctions';
import { DUE_SHARDS } from '#config/table-layout.ts';
import { nextDailyRun } from '#core/time/daily.ts';
import { HEALTHCHECK_SCHEDULE } from '../lambdas/functions/catalog.ts';
import type { AwsCalls } from './aws-calls.ts';
import { MAX_TIMER_MS } from './timers.ts';
import {
  LOCAL_HEALTHCHECK_SHARD_ARN,
  localStateMachine,
  synthesizedHealthcheckDefinition,
} from './workflow-definitions.ts';

type TaskHandler = (input: unknown) => Promise<unknown>;
type Definition = ConstructorParameters<typeof StateMachine>[0];

/**
 * The daily healthcheck on the local runtime (R4.3): a daily entry at the catalog's wall time, on
 * the runtime's clock (wall or virtual), starts the healthcheck definition synthesized from lib/ —
 * the same Distributed Map over the `byDue` shards as on AWS — in aws-local-stepfunctions, its
 * shard task bound to the same handler the Lambda runs. aws-local-stepfunctions 3.0.0 accepts the
 * `ProcessorConfig: DISTRIBUTED` Map and runs its ItemProcessor as an inline Map: the items, the
 * ItemSelector, MaxConcurrency and the failure semantics are the same; child executions are not
 * separate executions with their own history.
 */
export class LocalHealthcheck {
  private readonly machine: StateMachine;
  private readonly handlers: Record<string, TaskHandler>;
  private readonly calls: AwsCalls;
  private readonly onFailure: (error: unknown) => void;
  private readonly shards: number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    checkShard: TaskHandler,
    calls: AwsCalls,
    onFailure: (error: unknown) => void,
    shards: number = DUE_SHARDS,
  ) {
    const definition = synthesizedHealthcheckDefinition(shards) as Definition;
    this.machine = localStateMachine(definition);
    this.calls = calls;
    this.onFailure = onFailure;
    this.shards = shards;
    this.handlers = {};
    // The Map's child states, bound by state name as aws-local-stepfunctions asks.
    for (const state of Object.values(definition.States)) {
      const processor = (state as { ItemProcessor?: { States: Record<string, { Resource?: string }> } })
        .ItemProcessor;
      for (const [name, child] of Object.entries(processor?.States ?? {})) {
        if (child.Resource !== LOCAL_HEALTHCHECK_SHARD_ARN) continue;
        this.handlers[name] = async (input) => {
          this.calls.lambda++;
          return checkShard(input);
        };
      }
    }
    if (Object.keys(this.handlers).length === 0)
      throw new Error('healthcheck: no shard task in the definition');
  }

  /** Arms the daily entry: the next run after now, then every day after each run. */
  start(): void {
    this.stop();
    this.armFor(nextRun());
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One execution, as the Scheduler's cron target starts it: every shard number as the items. */
  run(): Promise<void> {
    this.calls.stepFunctions++;
    this.calls.stepFunctionsTransitions++; // the parent's one state, the Distributed Map
    this.calls.stepFunctionsExpressRequests += this.shards;
    const input = { shards: Array.from({ length: this.shards }, (_, i) => i) };
    const execution = this.machine.run(input, {
      overrides: { taskResourceLocalHandlers: this.handlers as never },
      noThrowOnAbort: true,
    });
    return execution.result.then(
      () => undefined,
      (error: unknown) => this.onFailure(error),
    );
  }

  private armFor(at: number): void {
    const delay = at - Date.now();
    // Node's timers hold ~24.8 days at most; the entry is at most a day away, but stay safe.
    this.timer = setTimeout(
      () => {
        if (Date.now() < at) return this.armFor(at);
        void this.run();
        this.armFor(nextRun());
      },
      Math.min(MAX_TIMER_MS, Math.max(0, delay)),
    );
    this.timer.unref?.();
  }
}

/** The healthcheck's next run after now, as its time-zone-aware cron on AWS fires. */
function nextRun(): number {
  const { hour, minute, timeZone } = HEALTHCHECK_SCHEDULE;
  return nextDailyRun(Date.now(), hour, minute, timeZone);
}
