import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { SECRETS, type SecretName } from '../../lambdas/config/secrets.ts';
import {
  BY_DUE_INDEX,
  BY_PROPERTY_INDEX,
  EXPIRES_AT,
  PARTITION_KEY,
  SORT_KEY,
} from '../../lambdas/config/table-layout.ts';
import { MailSending } from '../constructs/mail-sending.ts';

export interface DataStackProps extends StackProps {
  /** Protects the table (and keeps it and its key on stack deletion). Default true. */
  readonly deletionProtection?: boolean;
  /** The EventBridge Scheduler group holding every per-reservation schedule. Default `lockstep`. */
  readonly scheduleGroupName?: string;
  /** The address guest email and host alerts come from; its SES identity lives here. */
  readonly senderEmail: string;
  /** Verify this domain in SES instead of the single address. */
  readonly senderDomain?: string | undefined;
}

/** The stateful half of Lockstep: what must survive a redeploy of the functions. */
export class DataStack extends Stack {
  readonly key: kms.Key;
  readonly table: dynamodb.TableV2;
  readonly scheduleGroup: CfnScheduleGroup;
  readonly scheduleGroupName: string;
  readonly schedulerDlq: sqs.Queue;
  /** One secret per credential (lambdas/config/secrets.ts); operators set their values. */
  readonly secrets: Record<SecretName, secretsmanager.Secret>;
  readonly mail: MailSending;
  readonly mailConfigurationSetName: string;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const protect = props.deletionProtection ?? true;
    const removalPolicy = protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // PINs live in the table (R9.4): a key we own, rotated yearly.
    this.key = new kms.Key(this, 'DataKey', {
      description: 'Lockstep table at rest (reservations, codes, PINs)',
      enableKeyRotation: true,
      removalPolicy,
    });

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: BY_PROPERTY_INDEX.name,
          partitionKey: { name: BY_PROPERTY_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
          sortKey: { name: BY_PROPERTY_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
        },
        {
          indexName: BY_DUE_INDEX.name,
          partitionKey: { name: BY_DUE_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
          sortKey: { name: BY_DUE_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
        },
      ],
      // Webhook delivery records (R9.1) carry an expiry; DynamoDB deletes them some time after it.
      timeToLiveAttribute: EXPIRES_AT,
      // The channel inbox's new items reach their consumer through the stream (R9.5).
      dynamoStream: dynamodb.StreamViewType.NEW_IMAGE,
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      deletionProtection: protect,
      removalPolicy,
    });

    this.scheduleGroupName = props.scheduleGroupName ?? 'lockstep';
    this.scheduleGroup = new CfnScheduleGroup(this, 'ScheduleGroup', { name: this.scheduleGroupName });
    // Deleting a group deletes its schedules: pending provisioning, messages and deletions would be lost.
    this.scheduleGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // Schedule payloads carry ids only (R9.4), so SQS-managed encryption suffices and keeps the
    // scheduler role free of KMS permissions.
    this.schedulerDlq = new sqs.Queue(this, 'SchedulerDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.schedulerDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the EventBridge Scheduler targets.',
    });

    this.secrets = integrationSecrets(this, removalPolicy);

    this.mail = new MailSending(this, 'Mail', {
      senderEmail: props.senderEmail,
      senderDomain: props.senderDomain,
    });
    this.mailConfigurationSetName = this.mail.configurationSet.configurationSetName;

    new CfnOutput(this, 'SchedulerDlqUrl', {
      value: this.schedulerDlq.queueUrl,
      description: 'Schedules EventBridge Scheduler could not deliver (docs/operations.md)',
    });
    new CfnOutput(this, 'ScheduleGroupName', { value: this.scheduleGroupName });
  }
}

/**
 * The integration secrets. The template never holds their values: CloudFormation fills each with a
 * random placeholder once, at creation, which the functions refuse with the secret's name (never at
 * cold start); the operator puts the real value, and later deploys leave it alone, since the
 * resource's properties do not change.
 */
function integrationSecrets(
  stack: Stack,
  removalPolicy: RemovalPolicy,
): Record<SecretName, secretsmanager.Secret> {
  const names = Object.keys(SECRETS) as SecretName[];
  return Object.fromEntries(
    names.map((name) => {
      const id = `${name.charAt(0).toUpperCase()}${name.slice(1)}Secret`;
      // The AWS-managed key: a customer key would need key-policy grants for roles in the app stack.
      const secret = new secretsmanager.Secret(stack, id, {
        description: `Lockstep ${name}: set the value to ${SECRETS[name].shape}`,
        removalPolicy,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Issued by the partner (Seam, the channel) or shared with hosts; rotated with them by putting a ' +
          'new value, and the list forms let the old and new secrets overlap during a rotation.',
      });
      new CfnOutput(stack, `${id}Arn`, { value: secret.secretArn, description: SECRETS[name].shape });
      return [name, secret];
    }),
  ) as Record<SecretName, secretsmanager.Secret>;
}
