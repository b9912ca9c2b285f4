import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

// One JSON line per request, for Logs Insights; never bodies or headers, which may carry secrets.
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    responseLength: '$context.responseLength',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
  }),
);

export interface LockstepHttpApiProps {
  readonly channelWebhook: lambda.IFunction;
  readonly lockWebhook: lambda.IFunction;
  readonly hostApi: lambda.IFunction;
  /** The JWT issuer (the hosts' user pool) and the audience (its app client) for the host API. */
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
}

/** The HTTP API: signed webhooks for partners, the JWT-protected host API for hosts. */
export class LockstepHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;

  constructor(scope: Construct, id: string, props: LockstepHttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Lockstep: partner webhooks and the host API',
      createDefaultStage: false, // our own stage below, with access logs and throttling
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
      throttle: { rateLimit: 50, burstLimit: 100 },
    });

    // Webhooks authenticate by signature and timestamp in the function (R9.1), not at the gateway.
    const webhookRoutes = [
      ...this.api.addRoutes({
        path: '/webhooks/channel',
        methods: [apigw.HttpMethod.POST],
        integration: new HttpLambdaIntegration('ChannelWebhook', props.channelWebhook),
      }),
      ...this.api.addRoutes({
        path: '/webhooks/locks',
        methods: [apigw.HttpMethod.POST],
        integration: new HttpLambdaIntegration('LockWebhook', props.lockWebhook),
      }),
    ];
    for (const route of webhookRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Partner webhooks cannot carry our JWTs; the function verifies the HMAC signature and timestamp ' +
          'of every delivery before reading it (R9.1).',
      });
    }

    const hostApi = new HttpLambdaIntegration('HostApi', props.hostApi);
    this.api.addRoutes({
      path: '/v1/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: hostApi,
      authorizer: new HttpJwtAuthorizer('HostJwt', props.jwtIssuer, { jwtAudience: [props.jwtAudience] }),
    });
    for (const route of this.api.addRoutes({
      path: '/openapi.json',
      methods: [apigw.HttpMethod.GET],
      integration: hostApi,
    })) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'The OpenAPI document describes the host API and holds no host data; it is public by design.',
      });
    }
  }
}
