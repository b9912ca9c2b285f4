import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { BY_DUE_INDEX, BY_PROPERTY_INDEX } from '../../lambdas/config/table-layout.ts';
import type { LockstepFunction } from '../constructs/lockstep-function.ts';
import { iam5ResourceFinding } from '../nag/iam5-finding.ts';
import type { AppStack, AppStackProps } from './app-stack.ts';
import type { FunctionAccess } from './function-access.ts';

/** Grants a function's role what its access allows: the table always, the rest per FUNCTION_ACCESS. */
export function grantFunctionAccess(
  stack: AppStack,
  fn: LockstepFunction,
  access: FunctionAccess,
  props: AppStackProps,
  provisioningArn: string,
): void {
  const { data } = props;
  // Named resources instead of grantReadWriteData, whose `index/*` would cover indexes to come.
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      actions: TABLE_ACTIONS,
      resources: [
        data.table.tableArn,
        `${data.table.tableArn}/index/${BY_PROPERTY_INDEX.name}`,
        `${data.table.tableArn}/index/${BY_DUE_INDEX.name}`, // R4.3 healthcheck queries
      ],
    }),
  );
  if (data.table.encryptionKey) grantTableKey(stack, fn, data.table.encryptionKey);
  for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `DynamoDB needs ${action} on the table's customer-managed key to read and write; the grant names that key only.`,
    });
  }
  // Only the secrets its code can need, each read on first need (lambdas/config/secrets.ts).
  for (const secret of access.readsSecrets) data.secrets[secret].grantRead(fn.role);
  if (access.startsProvisioning) {
    fn.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [provisioningArn] }),
    );
  }
  if (access.managesSchedules) grantScheduleManagement(stack, fn, data.scheduleGroupName);
  if (access.sendsMessages) grantMessaging(stack, fn, props);
}

function grantScheduleManagement(stack: AppStack, fn: LockstepFunction, scheduleGroupName: string): void {
  const schedules = stack.formatArn({
    service: 'scheduler',
    resource: 'schedule',
    resourceName: `${scheduleGroupName}/*`,
  });
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        'scheduler:CreateSchedule',
        'scheduler:UpdateSchedule',
        'scheduler:DeleteSchedule',
        'scheduler:GetSchedule',
      ],
      resources: [schedules],
    }),
  );
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [stack.schedulerRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
  );
  Validations.of(fn.role).acknowledge({
    id: iam5ResourceFinding(stack, schedules),
    reason:
      'Schedules are created per reservation at run time, so their names are unknown at deploy time; ' +
      'the grant is confined to the Lockstep schedule group.',
  });
}

function grantMessaging(stack: AppStack, fn: LockstepFunction, props: AppStackProps): void {
  const { senderEmail } = props;
  // Sending needs permission on the sender's identity, verified either as the address or its domain.
  const domain = senderEmail.split('@')[1] ?? senderEmail;
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        ...[senderEmail, domain].map((identity) =>
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
        ),
        // A send through a configuration set (the identity's default) is authorized on the set too.
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: props.data.mailConfigurationSetName,
        }),
      ],
    }),
  );
  // SMS goes to a phone number, which has no ARN and no condition key: Publish needs "*". The
  // explicit deny of every SNS ARN (topics, platform endpoints) leaves texting phone numbers only.
  fn.role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['sns:Publish'],
      resources: [`arn:${stack.partition}:sns:*:*:*`],
    }),
  );
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'SMS to a guest phone number (sns:Publish with PhoneNumber) has no resource ARN or condition key; ' +
      'a deny on every SNS ARN keeps it to phone numbers. X-Ray has no resource ARN either.',
  });
}

/** The table key, only as DynamoDB uses it on the function's behalf (kms:ViaService). */
function grantTableKey(stack: AppStack, fn: LockstepFunction, key: kms.IKey): void {
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.amazonaws.com` } },
    }),
  );
}

const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
];
