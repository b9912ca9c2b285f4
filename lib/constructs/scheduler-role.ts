import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface SchedulerRoleProps {
  readonly scheduleGroupName: string;
  /** The scheduled-entry function's ARN (guest message and deletion schedules). */
  readonly entryFunctionArn: string;
  /** The provisioning state machine's ARN (provisioning schedules). */
  readonly provisioningStateMachineArn: string;
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * The role EventBridge Scheduler assumes to fire Lockstep's schedules: it may start exactly the
 * entry function and the provisioning workflow, and park failed deliveries in the DLQ.
 */
export class SchedulerRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SchedulerRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Confused-deputy guard: only schedules of our own group in our own account may assume it.
    const scheduleGroupArn = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule-group',
      resourceName: props.scheduleGroupName,
    });
    this.role = new iam.Role(this, 'Role', {
      description: 'Assumed by EventBridge Scheduler to fire Lockstep schedules',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': scheduleGroupArn },
        },
      }),
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.entryFunctionArn] }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [props.provisioningStateMachineArn],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
    );
  }
}
