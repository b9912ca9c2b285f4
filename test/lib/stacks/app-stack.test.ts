import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../../lambdas/config/env.ts';
import { FUNCTIONS, type FunctionName } from '../../../lambdas/functions/catalog.ts';
import { buildTestApp, logicalIdOf, parseDefinition } from '../app-fixture.ts';

const { application } = buildTestApp();
const template = Template.fromStack(application);
const resources = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
const fns = application.functions;
const idOf = (construct: { node: { defaultChild?: unknown } }) => logicalIdOf(construct, application);

const propertiesOf = (construct: { node: { defaultChild?: unknown } }): Record<string, unknown> => {
  const resource = resources[idOf(construct)];
  if (!resource) throw new Error(`No resource for ${idOf(construct)}`);
  return resource.Properties;
};
const environmentOf = (name: FunctionName) =>
  (propertiesOf(fns[name].function).Environment as { Variables: Record<string, unknown> }).Variables;
/** An `arn:${Partition}:...` Fn::Join whose last literal part ends with `suffix`. */
const arnEndingWith = (suffix: string) => ({
  'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`${suffix.replace(/[*/]/g, '\\$&')}$`)])],
});
const statementsOf = (roleId: string) =>
  Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }))
    .flatMap((policy) => (policy as { Properties: { PolicyDocument: { Statement: unknown[] } } }).Properties)
    .flatMap((properties) => properties.PolicyDocument.Statement) as { Action: string | string[] }[];
const actionsOf = (roleId: string) => statementsOf(roleId).flatMap((statement) => [statement.Action].flat());

describe('AppStack functions', () => {
  it('has one arm64 Node.js 24 function per catalog entry, traced, logging JSON to its own log group', () => {
    for (const { purpose } of Object.values(FUNCTIONS)) {
      template.resourcePropertiesCountIs(
        'AWS::Lambda::Function',
        {
          Description: purpose,
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: Match.anyValue() }),
        },
        1,
      );
    }
  });

  it('sets every configuration variable on every function, as the cold-start config check requires', () => {
    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
      expect(Object.keys(environmentOf(name))).toEqual(expect.arrayContaining(Object.values(ENV)));
    }
    expect(environmentOf('provisionCheck')).toHaveProperty(ENV.senderEmail, 'codes@example.com');
  });

  it('names the scheduled entry up front, so it can schedule itself without a circular reference', () => {
    expect(propertiesOf(fns.scheduledEntry.function).FunctionName).toBe('lockstep-demo-app-scheduled-entry');
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'lockstep-demo-app-scheduled-entry',
      Environment: {
        Variables: Match.objectLike({
          [ENV.entryFunctionArn]: arnEndingWith(':function:lockstep-demo-app-scheduled-entry'),
          [ENV.provisioningStateMachineArn]: arnEndingWith(':stateMachine:lockstep-demo-app-provisioning'),
        }),
      },
    });
  });

  it('lets only the schedule managers manage schedules in the lockstep group and pass the scheduler role', () => {
    const schedulerRoleId = idOf(application.schedulerRole);
    for (const name of ['channelInbox', 'hostApi', 'scheduledEntry'] as const) {
      expect(statementsOf(idOf(fns[name].role))).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: [
              'scheduler:CreateSchedule',
              'scheduler:UpdateSchedule',
              'scheduler:DeleteSchedule',
              'scheduler:GetSchedule',
            ],
            Resource: expect.objectContaining({
              'Fn::Join': [
                '',
                expect.arrayContaining([expect.stringMatching(/:schedule\/lockstep-demo\/\*$/)]),
              ],
            }),
          }),
          expect.objectContaining({
            Action: 'iam:PassRole',
            Resource: { 'Fn::GetAtt': [schedulerRoleId, 'Arn'] },
          }),
        ]),
      );
    }
    // The channel webhook only queues deliveries (R9.5): its inbox consumer schedules.
    for (const name of ['channelWebhook', 'lockWebhook', 'provisionAttempt', 'provisionCheck'] as const) {
      expect(actionsOf(idOf(fns[name].role))).not.toContain('iam:PassRole');
    }
  });

  it('lets the entry and the provisioning tasks send email and SMS, and the entry start provisioning', () => {
    for (const name of ['scheduledEntry', 'provisionAttempt', 'provisionCheck'] as const) {
      expect(actionsOf(idOf(fns[name].role))).toEqual(
        expect.arrayContaining(['ses:SendEmail', 'sns:Publish']),
      );
    }
    expect(actionsOf(idOf(fns.scheduledEntry.role))).toContain('states:StartExecution');
    expect(actionsOf(idOf(fns.channelWebhook.role))).not.toContain('ses:SendEmail');
  });

  it('lets the host API send a rendered host message (R5.5) and the lock webhook alert the host (R8.2)', () => {
    for (const name of ['hostApi', 'lockWebhook'] as const) {
      expect(actionsOf(idOf(fns[name].role))).toEqual(
        expect.arrayContaining(['ses:SendEmail', 'sns:Publish']),
      );
    }
    expect(environmentOf('hostApi')).toHaveProperty(
      ENV.channelMessagingUrl,
      'https://channel-partner.example/lockstep',
    );
  });

  it('lets only the scheduling ones start the workflow', () => {
    expect(actionsOf(idOf(fns.lockWebhook.role))).not.toContain('states:StartExecution');
    expect(actionsOf(idOf(fns.hostApi.role))).toContain('states:StartExecution');
  });
});

describe('AppStack scheduler role', () => {
  const roleId = idOf(application.schedulerRole);

  it('can be assumed only by EventBridge Scheduler, for our account and schedule group', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': arnEndingWith(':schedule-group/lockstep-demo') },
            },
          },
        ],
      },
    });
  });

  it('may invoke the entry function, start the provisioning workflow and write to the DLQ, nothing else', () => {
    expect(statementsOf(roleId)).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Resource: expect.objectContaining({
          'Fn::Join': [
            '',
            expect.arrayContaining([expect.stringMatching(/:function:lockstep-demo-app-scheduled-entry$/)]),
          ],
        }),
      }),
      expect.objectContaining({
        Action: 'states:StartExecution',
        Resource: expect.objectContaining({
          'Fn::Join': [
            '',
            expect.arrayContaining([expect.stringMatching(/:stateMachine:lockstep-demo-app-provisioning$/)]),
          ],
        }),
      }),
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Resource: {
          'Fn::GetStackOutput': expect.objectContaining({
            StackName: 'lockstep-demo-data',
            OutputName: expect.stringContaining('SchedulerDlq'),
          }),
        },
      }),
    ]);
  });
});

describe('AppStack HTTP API', () => {
  it('routes signed webhooks to their functions without a gateway authorizer', () => {
    for (const [routeKey, fn] of [
      ['POST /webhooks/channel', fns.channelWebhook],
      ['POST /webhooks/locks', fns.lockWebhook],
    ] as const) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'NONE',
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationUri: { 'Fn::GetAtt': [idOf(fn.function), 'Arn'] },
      });
    }
  });

  it('serves the OpenAPI document from the host API function on a public GET route', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /openapi.json',
      AuthorizationType: 'NONE',
    });
  });

  it('puts the host API behind a JWT authorizer trusting the hosts user pool and its client', () => {
    const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /v1/{proxy+}',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
    const [poolId] = Object.keys(template.findResources('AWS::Cognito::UserPool'));
    const clientIds = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(clientIds).toHaveLength(2); // API clients, and the dashboard (R13)
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Audience: clientIds.map((id) => ({ Ref: id })),
        Issuer: { 'Fn::Join': ['', Match.arrayWith([{ Ref: poolId }])] },
      },
    });
  });

  it('requires MFA of hosts and never lets strangers sign up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('logs every request of the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        Format: Match.anyValue(),
      },
    });
  });
});

describe('AppStack provisioning workflow', () => {
  it('runs the provisioning task functions in a traced, logged state machine of the fixed name', () => {
    const stateMachine = propertiesOf(application.provisioning.stateMachine);
    expect(stateMachine).toMatchObject({
      StateMachineName: 'lockstep-demo-app-provisioning',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    const { States } = parseDefinition(stateMachine.DefinitionString);
    expect(States.Attempt?.Resource).toBe(`<${idOf(fns.provisionAttempt.function)}.Arn>`);
    expect(States.Check?.Resource).toBe(`<${idOf(fns.provisionCheck.function)}.Arn>`);
  });
});
