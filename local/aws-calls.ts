import { AsyncLocalStorage } from 'node:async_hooks';

/** AWS API calls the AWS adapters would have made, counted by the local stand-ins (docs/simulation-contract.md). */
export interface AwsCalls {
  scheduler: number;
  dynamodb: number;
  stepFunctions: number;
  lambda: number;
  ses: number;
  sns: number;
  /**
   * Step Functions Standard state transitions (states entered, retries included): what Standard
   * workflows bill, where `stepFunctions` counts StartExecution calls.
   */
  stepFunctionsTransitions: number;
  /** Express child executions (the healthcheck's Distributed Map items): billed per request. */
  stepFunctionsExpressRequests: number;
  /** DynamoDB capacity units the calls consumed (on-demand bills these, not calls). */
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
}

export const noAwsCalls = (): AwsCalls => ({
  scheduler: 0,
  dynamodb: 0,
  stepFunctions: 0,
  lambda: 0,
  ses: 0,
  sns: 0,
  stepFunctionsTransitions: 0,
  stepFunctionsExpressRequests: 0,
  dynamodbReadUnits: 0,
  dynamodbWriteUnits: 0,
});

const observing = new AsyncLocalStorage<true>();

/** Runs the simulator's own look-ups: calls no deployed function would make, so none is counted. */
export const uncounted = <T>(work: () => Promise<T>): Promise<T> => observing.run(true, work);

/** Whether a call made here is the product's, to count. */
export const isCounted = (): boolean => observing.getStore() !== true;

const invoked = new AsyncLocalStorage<string>();

/** Runs one function's invocation, so the calls it makes are told apart by function. */
export const inFunction = <T>(label: string, work: () => Promise<T>): Promise<T> => invoked.run(label, work);

/** The function whose invocation is running here; the simulator's own work outside any is `simulator`. */
export const currentFunction = (): string => invoked.getStore() ?? 'simulator';

/** DynamoDB calls by the function that made them: where a reservation's lifecycle spends its calls. */
export type CallsByFunction = Record<string, number>;
