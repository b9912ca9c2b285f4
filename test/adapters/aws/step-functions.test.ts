import {
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
  ValidationException,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { StepFunctionsWorkflows } from '#adapters/aws/step-functions.ts';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:provisioning';
const sfn = mockClient(SFNClient);
const workflows = new StepFunctionsWorkflows(new SFNClient({ region: 'us-east-1' }), ARN);

beforeEach(() => {
  sfn.reset();
  sfn.onAnyCommand().resolves({});
});

describe('StepFunctionsWorkflows', () => {
  it('starts a named execution with the ids as input', async () => {
    await workflows.startProvisioning({ hostId: 'host-1', reservationId: 'res-1' }, 'provision-res-1-1');

    expect(sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input)).toEqual([
      {
        stateMachineArn: ARN,
        name: 'provision-res-1-1',
        input: JSON.stringify({
          hostId: 'host-1',
          reservationId: 'res-1',
          correlationId: 'provision-res-1-1',
        }),
      },
    ]);
  });

  it('carries the correlation id of the request that started the execution', async () => {
    await workflows.startProvisioning(
      { hostId: 'host-1', reservationId: 'res-1', correlationId: 'evt-42' },
      'provision-res-1-1',
    );

    expect(JSON.parse(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.input ?? '{}')).toEqual({
      hostId: 'host-1',
      reservationId: 'res-1',
      correlationId: 'evt-42',
    });
  });

  it('R9.4 sends ids only, whatever else the argument carries', async () => {
    const input = { hostId: 'host-1', reservationId: 'res-1', pin: '739164' };

    await workflows.startProvisioning(input, 'provision-res-1-1');

    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.input).not.toContain('739164');
  });

  it('treats an execution started before under that name as started', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));

    await expect(
      workflows.startProvisioning({ hostId: 'host-1', reservationId: 'res-1' }, 'provision-res-1-1'),
    ).resolves.toBeUndefined();
  });

  it('passes other failures on', async () => {
    sfn.on(StartExecutionCommand).rejects(new ValidationException({ message: 'bad name', $metadata: {} }));

    await expect(
      workflows.startProvisioning({ hostId: 'host-1', reservationId: 'res-1' }, 'provision-res-1-1'),
    ).rejects.toThrow('bad name');
  });
});
