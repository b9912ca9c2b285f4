import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EXPIRES_AT } from '#adapters/aws/dynamo-delivery-records.ts';
import { SECRETS } from '../../../lambdas/config/secrets.ts';
import { DataStack } from '../../../lib/stacks/data-stack.ts';
import { buildTestApp } from '../app-fixture.ts';

const { data } = buildTestApp();
const template = Template.fromStack(data);

describe('DataStack', () => {
  it('keeps everything in one table keyed by pk/sk, on demand, with point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
      BillingMode: 'PAY_PER_REQUEST',
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('R9.1 lets DynamoDB delete webhook delivery records once they expire', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: EXPIRES_AT, Enabled: true },
    });
  });

  it('R9.4 encrypts the table with a customer-managed key that rotates', () => {
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
        }),
      ],
    });
  });

  it('names the schedule group after the stage, and keeps it (and its pending schedules) if the stack goes', () => {
    template.hasResource('AWS::Scheduler::ScheduleGroup', {
      Properties: { Name: 'lockstep-demo' },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('gives schedule targets an encrypted dead-letter queue reachable only over TLS', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('holds one secret per credential, whose value the template never sets (finding 4)', () => {
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(secrets).toHaveLength(Object.keys(SECRETS).length);
    for (const secret of secrets) {
      // A value in the template would be written again by every deploy that changes it.
      expect(secret.Properties).not.toHaveProperty('SecretString');
      expect(secret.Properties).toHaveProperty('GenerateSecretString');
    }
    for (const { shape } of Object.values(SECRETS)) {
      template.hasOutput('*', { Description: shape });
    }
  });

  it('lets a development deployment drop deletion protection', () => {
    const dev = new DataStack(new App({ builtinCloudFormationValidation: false }), 'Dev', {
      env: { region: 'us-east-1' },
      deletionProtection: false,
      senderEmail: 'codes@lockstep.test',
    });
    const devTemplate = Template.fromStack(dev);
    devTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    devTemplate.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});
