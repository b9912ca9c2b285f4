import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ProvisioningInput, Workflows } from '#ports/workflows.ts';
import { isAwsError } from './aws-error.ts';

/** Starts provisioning executions; the execution name makes a repeated start a no-op. */
export class StepFunctionsWorkflows implements Workflows {
  private readonly client: SFNClient;
  private readonly stateMachineArn: string;

  constructor(client: SFNClient, stateMachineArn: string) {
    this.client = client;
    this.stateMachineArn = stateMachineArn;
  }

  async startProvisioning(input: ProvisioningInput, executionName: string): Promise<void> {
    // Loaded on the first start, not at cold start (docs/performance.md).
    const { StartExecutionCommand } = await import('@aws-sdk/client-sfn');
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName,
          // Ids only, picked so nothing else on the argument reaches the execution history (R9.4).
          // The tasks log under the correlation id; the execution name stands in when there is none.
          input: JSON.stringify({
            hostId: input.hostId,
            reservationId: input.reservationId,
            correlationId: input.correlationId ?? executionName,
          }),
        }),
      );
    } catch (error) {
      // That execution was started before: the request already did its work.
      if (!isAwsError(error, 'ExecutionAlreadyExists')) throw error;
    }
  }
}
