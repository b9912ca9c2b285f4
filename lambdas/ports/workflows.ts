/** What the provisioning workflow needs to find its reservation; ids only, never a PIN (R9.4). */
export interface ProvisioningInput {
  hostId: string;
  reservationId: string;
  /** The request that started the execution; its tasks log under it. */
  correlationId?: string | undefined;
}

/** Starts state machine executions (Step Functions on AWS). */
export interface Workflows {
  startProvisioning(input: ProvisioningInput, executionName: string): Promise<void>;
}
