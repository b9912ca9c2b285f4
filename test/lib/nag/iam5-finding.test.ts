import { App, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { iam5ResourceFinding } from '../../../lib/nag/iam5-finding.ts';

const stack = new Stack(new App(), 'Findings');
const queue = new sqs.Queue(stack, 'Queue');
const queueId = stack.getLogicalId(queue.node.defaultChild as sqs.CfnQueue);

describe('iam5ResourceFinding', () => {
  it('names a literal wildcard resource as cdk-nag does', () => {
    expect(iam5ResourceFinding(stack, '*')).toBe('AwsSolutions-IAM5[Resource::*]');
  });

  it('flattens attribute references to <LogicalId.Attribute>', () => {
    expect(iam5ResourceFinding(stack, `${queue.queueArn}:*`)).toBe(
      `AwsSolutions-IAM5[Resource::<${queueId}.Arn>:*]`,
    );
  });

  it('flattens pseudo parameters to <AWS::Name>', () => {
    const arn = stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: 'group/*' });
    expect(iam5ResourceFinding(stack, arn)).toBe(
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/group/*]',
    );
  });
});
