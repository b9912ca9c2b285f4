import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { seamWorstCaseMs } from '../../../lambdas/config/seam-retries.ts';
import { SECRETS, type SecretName } from '../../../lambdas/config/secrets.ts';
import {
  FUNCTIONS,
  type FunctionName,
  HTTP_ROUTES,
  INBOX_CONSUMER,
  seamRetriesOf,
} from '../../../lambdas/functions/catalog.ts';
import { HTTP_API_LIMIT } from '../../../lib/function-timeouts.ts';
import { FUNCTION_ACCESS } from '../../../lib/stacks/function-access.ts';
import { buildTestApp, logicalIdOf } from '../app-fixture.ts';

// Findings 5 and 6 of issue 19 against the synthesized application stack: each function's timeout
// outlasts its Seam client's retries, and each role may do only what its function does.

const { application } = buildTestApp();
const template = Template.fromStack(application);
const resources = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
const names = Object.keys(FUNCTIONS) as FunctionName[];
const fns = application.functions;

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const propertiesOf = (name: FunctionName) => {
  const resource = resources[logicalIdOf(fns[name].function, application)];
  if (!resource) throw new Error(`no function resource for ${name}`);
  return resource.Properties;
};
const statementsOf = (name: FunctionName): Statement[] => {
  const roleId = logicalIdOf(fns[name].role, application);
  return Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
  )
    .map((policy) => (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties)
    .flatMap((properties) => properties.PolicyDocument.Statement);
};
const allowing = (name: FunctionName, action: string) =>
  statementsOf(name).filter((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action));
const environmentOf = (name: FunctionName) =>
  (propertiesOf(name).Environment as { Variables: Record<string, unknown> }).Variables;

describe('finding 5: timeouts', () => {
  it.each(names)("%s's timeout outlasts the worst case of its Seam client's retries", (name) => {
    const timeoutSeconds = propertiesOf(name).Timeout as number;
    expect(timeoutSeconds * 1000).toBeGreaterThan(seamWorstCaseMs(seamRetriesOf(name)));
  });

  it("keeps the functions behind the HTTP API within API Gateway's 30 s", () => {
    for (const { function: name } of HTTP_ROUTES) {
      expect(propertiesOf(name).Timeout as number).toBeLessThan(HTTP_API_LIMIT.toSeconds());
    }
  });
});

describe('finding 6: least privilege', () => {
  it.each(names)('%s reads exactly the secrets its code can need, each by its own ARN', (name) => {
    const granted = allowing(name, 'secretsmanager:GetSecretValue').map((s) => JSON.stringify(s.Resource));
    const expected = FUNCTION_ACCESS[name].readsSecrets.map((secret) =>
      JSON.stringify(environmentOf(name)[SECRETS[secret].env]),
    );
    expect(granted.sort()).toEqual(expected.sort());
  });

  it("gives Seam's webhook signing secrets to the lock webhook alone", () => {
    const readers = (secret: SecretName) =>
      names.filter((n) => FUNCTION_ACCESS[n].readsSecrets.includes(secret));
    expect(readers('seamWebhooks')).toEqual(['lockWebhook']);
  });

  it.each(names)('%s publishes to SNS only SMS to phone numbers, and only when it sends messages', (name) => {
    const publish = statementsOf(name).filter((s) => [s.Action].flat().includes('sns:Publish'));
    if (!FUNCTION_ACCESS[name].sendsMessages) {
      expect(publish).toEqual([]);
      return;
    }
    // Phone numbers have no ARN; every SNS ARN (topics, endpoints) is denied.
    expect(publish).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Allow', Resource: '*' }),
        expect.objectContaining({
          Effect: 'Deny',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] },
        }),
      ]),
    );
    expect(publish).toHaveLength(2);
  });

  it.each(names)('%s uses the table key only through DynamoDB (kms:ViaService)', (name) => {
    const kms = statementsOf(name).filter((s) => [s.Action].flat().some((a) => a.startsWith('kms:')));
    expect(kms.length).toBeGreaterThan(0);
    // The inbox consumer's stream read (CDK's grantStreamRead) decrypts the stream's records: that
    // grant alone comes without the condition, and only to decrypt.
    const streamRead = (s: Statement) => name === INBOX_CONSUMER.function && s.Condition === undefined;
    for (const statement of kms.filter(streamRead))
      expect(statement.Action).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    for (const statement of kms.filter((s) => !streamRead(s))) {
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:ViaService': 'dynamodb.us-east-1.amazonaws.com' },
      });
    }
  });
});
