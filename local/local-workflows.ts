import type { StateMachine } from 'aws-local-stepfunctions';
import type { ProvisioningInput, Workflows } from '#ports/workflows.ts';
import type { TaskFunction } from '../lambdas/functions/catalog.ts';
import type { AwsCalls } from './aws-calls.ts';
import type { JsonListFile } from './json-list-file.ts';
import { localStateMachine, synthesizedProvisioningDefinition } from './workflow-definitions.ts';

type TaskHandler = (input: unknown) => Promise<unknown>;
type LocalHandlers = NonNullable<
  NonNullable<Parameters<StateMachine['run']>[1]>['overrides']
>['taskResourceLocalHandlers'];

/** A provisioning execution as kept on disk (`--data DIR`): ids only, never a PIN (R9.4). */
export interface RunningExecution {
  executionName: string;
  input: ProvisioningInput;
}

/** The handler of each provisioning task function. */
export type ProvisioningTasks = Readonly<Record<TaskFunction<'provisioning'>, TaskHandler>>;

/**
 * Step Functions' stand-in: runs the provisioning definition synthesized from lib/ in
 * aws-local-stepfunctions, its Task states bound to the same handler code the Lambdas run.
 * Waits and retries run on the runtime's clock, so virtual time drives them exactly.
 */
export class LocalWorkflows implements Workflows {
  private readonly machine: StateMachine;
  private readonly handlers: NonNullable<LocalHandlers>;
  private readonly calls: AwsCalls;
  private readonly onFailure: (error: unknown, input: ProvisioningInput) => void;
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly inputs = new Map<string, ProvisioningInput>();
  private readonly disk: JsonListFile<RunningExecution> | undefined;
  /** Executions a killed runtime left running, kept on disk until `resume` starts them again. */
  private saved: RunningExecution[];

  constructor(
    tasks: ProvisioningTasks,
    calls: AwsCalls,
    onFailure: (error: unknown, input: ProvisioningInput) => void,
    disk?: JsonListFile<RunningExecution>,
  ) {
    this.disk = disk;
    this.saved = disk?.load() ?? [];
    const { definition, taskArns } = synthesizedProvisioningDefinition();
    this.machine = localStateMachine(definition);
    this.calls = calls;
    this.onFailure = onFailure;
    const states = (definition as { States: Record<string, { Resource?: string }> }).States;
    this.handlers = {};
    for (const [stateName, state] of Object.entries(states)) {
      const task = Object.entries(taskArns).find(([, arn]) => arn === state.Resource)?.[0] as
        | keyof ProvisioningTasks
        | undefined;
      if (!task) continue;
      this.handlers[stateName] = async (input) => {
        this.calls.lambda++;
        return (await tasks[task](input)) as never;
      };
    }
  }

  async startProvisioning(input: ProvisioningInput, executionName: string): Promise<void> {
    this.calls.stepFunctions++;
    if (this.running.has(executionName)) return; // StartExecution is idempotent per name
    const execution = this.machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.handlers },
      noThrowOnAbort: true,
    });
    void this.countTransitions(execution.eventLogs);
    const done = execution.result.catch((error: unknown) => this.onFailure(error, input));
    this.running.set(executionName, done);
    this.inputs.set(executionName, input);
    this.persist();
    void done.finally(() => {
      this.running.delete(executionName);
      this.inputs.delete(executionName);
      this.persist();
    });
  }

  /**
   * Executions a killed runtime left running start again from the top: their input is ids only and
   * every step is idempotent, so a new run finds where the reservation stands and goes on from there
   * (Step Functions would have kept them; the local engine keeps nothing across processes).
   */
  resume(): number {
    const saved = this.saved;
    this.saved = [];
    for (const { executionName, input } of saved) void this.startProvisioning(input, executionName);
    return saved.length;
  }

  /** The running executions, and the saved ones not yet resumed (an execution before `resume` adds to them). */
  private persist(): void {
    const running = [...this.inputs].map(([executionName, input]) => ({ executionName, input }));
    const waiting = this.saved.filter((e) => !this.inputs.has(e.executionName));
    this.disk?.save([...waiting, ...running]);
  }

  // Standard workflows bill each state entered, and each retry of a state, as a transition.
  private async countTransitions(events: AsyncIterable<{ type: string }>): Promise<void> {
    for await (const event of events) {
      if (event.type === 'StateEntered' || event.type === 'StateRetried')
        this.calls.stepFunctionsTransitions++;
    }
  }

  /** Settles when every execution started so far has ended. */
  async drain(): Promise<void> {
    await Promise.all(this.running.values());
  }
}
