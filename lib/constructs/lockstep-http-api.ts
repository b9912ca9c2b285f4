import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  HTTP_ROUTES,
  type HttpFunctionName,
  type RouteAuth,
  routeKey,
} from '../../lambdas/functions/catalog.ts';
import { constructId } from '../construct-id.ts';

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
  /** The functions behind the catalog's routes. */
  readonly functions: Readonly<Record<HttpFunctionName, lambda.IFunction>>;
  /** The JWT issuer (the hosts' user pool) and the audience (its app client) for the host API. */
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
}

/** The whole stage's throttle, and the lower one of each route that needs no JWT. */
export const STAGE_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;
export const OPEN_ROUTE_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

// Why a route has no gateway authorizer, for cdk-nag's APIG4.
const OPEN_ROUTE_REASONS: Record<Exclude<RouteAuth, 'jwt'>, string> = {
  'signed-webhook':
    'Partner webhooks cannot carry our JWTs; the function verifies the HMAC signature and timestamp ' +
    'of every delivery before reading it (R9.1).',
  public: 'The OpenAPI document describes the host API and holds no host data; it is public by design.',
};

/** The HTTP API: the catalog's routes, signed webhooks for partners and the JWT-protected host API. */
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
      throttle: STAGE_THROTTLE,
    });
    // Unauthenticated routes get their own lower limit, so a flood of unsigned requests cannot use
    // up the stage's limit (and the functions and table behind it) that hosts need. The property is
    // untyped JSON in the L1, so its keys are CloudFormation's own.
    (this.stage.node.defaultChild as apigw.CfnStage).routeSettings = Object.fromEntries(
      HTTP_ROUTES.filter((route) => route.auth !== 'jwt').map((route) => [
        routeKey(route),
        {
          ThrottlingRateLimit: OPEN_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: OPEN_ROUTE_THROTTLE.burstLimit,
        },
      ]),
    );

    // One integration per function and one JWT authorizer, shared by the routes that use them.
    const integrations = new Map<HttpFunctionName, HttpLambdaIntegration>();
    const integrationOf = (name: HttpFunctionName) => {
      const integration =
        integrations.get(name) ?? new HttpLambdaIntegration(constructId(name), props.functions[name]);
      integrations.set(name, integration);
      return integration;
    };
    const jwt = new HttpJwtAuthorizer('HostJwt', props.jwtIssuer, { jwtAudience: [...props.jwtAudience] });

    for (const route of HTTP_ROUTES) {
      // Webhooks authenticate by signature and timestamp in the function (R9.1), not at the gateway.
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrationOf(route.function),
        ...(route.auth === 'jwt' && { authorizer: jwt }),
      });
      if (route.auth === 'jwt') continue;
      for (const added of routes) {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: OPEN_ROUTE_REASONS[route.auth],
        });
      }
    }
  }
}
