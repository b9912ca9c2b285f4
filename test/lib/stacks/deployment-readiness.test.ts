import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES, routeKey } from '../../../lambdas/functions/catalog.ts';
import { OPEN_ROUTE_THROTTLE, STAGE_THROTTLE } from '../../../lib/constructs/lockstep-http-api.ts';
import { buildTestApp, logicalIdOf } from '../app-fixture.ts';

// Issue 19's AWS findings that a first real deploy would hit: 3 (SES), 7 (abuse of open routes),
// 8 (stacks that block each other), 9 (outputs an operator needs).

const { data, application } = buildTestApp({ webhookConcurrency: 15 });
const dataTemplate = Template.fromStack(data);
const appTemplate = Template.fromStack(application);
const idOf = (construct: { node: { defaultChild?: unknown } }) => logicalIdOf(construct, application);

describe('finding 3: SES identity and configuration set', () => {
  it('verifies the sender address and sends through a configuration set: TLS, suppression, reputation', () => {
    const [setId] = Object.keys(dataTemplate.findResources('AWS::SES::ConfigurationSet'));
    dataTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'codes@example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
    dataTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
  });

  it('verifies a whole domain with DKIM when senderDomain is given, and prints the DNS records', () => {
    const withDomain = buildTestApp({ senderEmail: 'codes@rentals.test', senderDomain: 'rentals.test' });
    const template = Template.fromStack(withDomain.data);
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'rentals.test' });
    for (const n of [1, 2, 3]) template.hasOutput(`SenderDkimRecord${n}`, {});
  });

  it('lets message senders use the configuration set, which SES authorizes next to the identity', () => {
    const role = idOf(application.functions.provisionCheck.role);
    const statements = Object.values(appTemplate.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p).includes(`"${role}"`))
      .flatMap(
        (p) =>
          (p as { Properties: { PolicyDocument: { Statement: unknown[] } } }).Properties.PolicyDocument
            .Statement,
      );
    expect(JSON.stringify(statements.filter((s) => JSON.stringify(s).includes('ses:SendEmail')))).toMatch(
      /:configuration-set\/.*PublishOutputRefMailConfigurationSet/,
    );
  });
});

describe('finding 7: open routes cannot use up what hosts need', () => {
  it('throttles each unauthenticated route below the stage limit', () => {
    const open = HTTP_ROUTES.filter((route) => route.auth !== 'jwt').map(routeKey);
    expect(open).toEqual(expect.arrayContaining(['POST /webhooks/channel', 'POST /webhooks/locks']));
    expect(OPEN_ROUTE_THROTTLE.rateLimit).toBeLessThan(STAGE_THROTTLE.rateLimit);
    appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: STAGE_THROTTLE.rateLimit },
      RouteSettings: Object.fromEntries(
        open.map((key) => [
          key,
          {
            ThrottlingRateLimit: OPEN_ROUTE_THROTTLE.rateLimit,
            ThrottlingBurstLimit: OPEN_ROUTE_THROTTLE.burstLimit,
          },
        ]),
      ),
    });
  });

  it('reserves (and caps) the webhook functions’ concurrency, and no other function’s', () => {
    for (const name of ['channelWebhook', 'lockWebhook'] as const) {
      appTemplate.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(
          name === 'channelWebhook' ? 'webhooks/channel' : 'webhooks/locks',
        ),
        ReservedConcurrentExecutions: 15,
      });
    }
    const reserved = appTemplate.findResources('AWS::Lambda::Function', {
      Properties: { ReservedConcurrentExecutions: Match.anyValue() },
    });
    expect(Object.keys(reserved)).toHaveLength(2);
  });
});

describe('finding 8: stacks that change independently', () => {
  it('shares data-stack values as outputs read at deploy time, never as exports', () => {
    expect(JSON.stringify(dataTemplate.toJSON().Outputs)).not.toContain('Export');
    expect(JSON.stringify(appTemplate.toJSON())).not.toContain('Fn::ImportValue');
    expect(JSON.stringify(appTemplate.toJSON())).toContain('Fn::GetStackOutput');
  });
});

describe('finding 9: what an operator needs, printed by the deploy', () => {
  it('outputs every integration secret, the scheduler DLQ and the schedule group from the data stack', () => {
    const secrets = Object.keys(dataTemplate.findResources('AWS::SecretsManager::Secret'));
    expect(secrets.length).toBeGreaterThan(0);
    // Named for the operator, not the weak references' own `PublishOutput…` outputs.
    const named = Object.entries(dataTemplate.toJSON().Outputs as Record<string, { Value: unknown }>)
      .filter(([id]) => !id.startsWith('PublishOutput'))
      .map(([, output]) => output.Value);
    for (const secret of secrets) expect(named).toContainEqual({ Ref: secret });
    dataTemplate.hasOutput('SchedulerDlqUrl', { Value: Match.anyValue() });
    dataTemplate.hasOutput('ScheduleGroupName', { Value: 'lockstep-demo' });
  });

  it('outputs the alarm topic, the on-failure queue and the workflows from the application stack', () => {
    appTemplate.hasOutput('AlarmTopicArn', { Value: { Ref: idOf(application.alarms.topic) } });
    appTemplate.hasOutput('AsyncFailuresQueueUrl', {
      Value: { Ref: idOf(application.alarms.asyncFailures) },
    });
    appTemplate.hasOutput('ProvisioningStateMachineArn', {
      Value: { Ref: idOf(application.provisioning.stateMachine) },
    });
    appTemplate.hasOutput('HealthcheckStateMachineArn', {
      Value: { Ref: idOf(application.healthcheck.stateMachine) },
    });
  });
});
