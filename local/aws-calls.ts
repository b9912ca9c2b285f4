/** AWS API calls the AWS adapters would have made, counted by the local stand-ins (simulation.md). */
export interface AwsCalls {
  scheduler: number;
  dynamodb: number;
  stepFunctions: number;
  lambda: number;
  ses: number;
  sns: number;
}

export const noAwsCalls = (): AwsCalls => ({
  scheduler: 0,
  dynamodb: 0,
  stepFunctions: 0,
  lambda: 0,
  ses: 0,
  sns: 0,
});
