import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { iam5ResourceFinding } from '../nag/iam5-finding.ts';
import { DashboardSignIn } from './dashboard-sign-in.ts';

export interface DashboardHostingProps {
  /** The HTTP API the page calls, served on the page's own origin. */
  readonly api: apigw.IHttpApi;
  /** The hosts' user pool the page signs in with. */
  readonly userPool: cognito.UserPool;
  /** The hosted sign-in domain's prefix. */
  readonly authDomainPrefix: string;
  /** The built page (`npm run build:web`). */
  readonly dashboardDir: string;
}

/** The API paths CloudFront passes to the HTTP API: the host API and its OpenAPI document. */
export const API_PATH_PATTERNS = ['/v1/*', '/openapi.json'] as const;

/** The dashboard's Content-Security-Policy: its own files, its own origin and the sign-in domain only. */
export function dashboardCsp(authDomainUrl: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${authDomainUrl}`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * R13 on AWS: the host's dashboard from a private bucket behind CloudFront (origin access control,
 * HTTPS only, strict security headers), with the host API on the same origin under /v1/*, and a
 * `config.json` telling the page where to sign in.
 */
export class DashboardHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly signIn: DashboardSignIn;
  /** `https://<distribution domain>/`: the page, and where sign-in returns to. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: DashboardHostingProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Built files only: a new deploy puts them back.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // The sign-in domain is known before the distribution, so the CSP can name it.
    const authDomainUrl = `https://${props.authDomainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com`;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Lockstep dashboard: strict CSP, HSTS, no sniffing, no referrer, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: dashboardCsp(authDomainUrl), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365 * 2),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
    });

    const apiOrigin = new origins.HttpOrigin(
      `${props.api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`,
      { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY },
    );
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Per-host answers are never cached; with caching off, this policy forwards Authorization.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Lockstep host dashboard and host API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, apiBehavior])),
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;

    this.signIn = new DashboardSignIn(this, 'SignIn', {
      userPool: props.userPool,
      domainPrefix: props.authDomainPrefix,
      appUrl: this.url,
    });

    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [
        s3deploy.Source.asset(props.dashboardDir),
        // The page reads this at start: the API is on its own origin, sign-in at the hosted domain.
        s3deploy.Source.jsonData('config.json', {
          apiBaseUrl: '',
          auth: {
            kind: 'cognito',
            domain: authDomainUrl,
            clientId: this.signIn.client.userPoolClientId,
            redirectUri: this.url,
            logoutUri: this.url,
          },
        }),
      ],
      // Files keep fixed names, so browsers revalidate and the edge is cleared on each deploy.
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });

    new CfnOutput(Stack.of(this), 'DashboardUrl', {
      value: this.url,
      description: "The host's dashboard; sign in with a host user of the user pool",
    });
    this.acknowledgeFindings();
    acknowledgeDeploymentFindings(this);
  }

  private acknowledgeFindings(): void {
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the built dashboard, written by the deployment and read by CloudFront through ' +
        'origin access control; no one else can reach it, so server access logs would record nothing useful.',
    });
    for (const [id, reason] of [
      [
        'AwsSolutions-CFR1',
        'Hosts travel and manage rentals from anywhere; the page is useless without a signed-in host account.',
      ],
      [
        'AwsSolutions-CFR2',
        'The page is static and every API call needs a host JWT; the API keeps its own stage and route throttles.',
      ],
      [
        'AwsSolutions-CFR3',
        'API requests are logged by the HTTP API access log; the static files carry no host data worth an edge log.',
      ],
      [
        'AwsSolutions-CFR4',
        'The default *.cloudfront.net certificate has a fixed security policy; a custom domain with its own ' +
          'certificate and TLSv1.2_2021 tightens it (docs/deploy.md lists it as an option).',
      ],
    ] as const) {
      Validations.of(this.distribution).acknowledge({ id, reason });
    }
  }
}

/**
 * BucketDeployment copies the built files with a CDK-provided function (one per stack) whose role,
 * policy and runtime are the CDK's; its findings are acknowledged where they arise.
 */
function acknowledgeDeploymentFindings(scope: DashboardHosting): void {
  const stack = Stack.of(scope);
  const provider = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!provider) throw new Error('BucketDeployment created no provider function');
  const reason = (what: string) =>
    `The CDK's BucketDeployment function ${what}; it runs only during a deploy, copying the built dashboard.`;
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: reason('logs through the AWS-managed basic execution policy'),
  });
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions-L1',
    reason: reason('runs on the runtime the CDK release pins, which Lockstep cannot choose'),
  });
  const copyActions = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'];
  for (const action of copyActions) {
    Validations.of(provider).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: reason(`needs ${action} to read the staged asset and replace the bucket's files`),
    });
  }
  const assets = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`;
  for (const resource of [assets, `${scope.bucket.bucketArn}/*`]) {
    const id =
      resource === assets ? `AwsSolutions-IAM5[Resource::${assets}]` : iam5ResourceFinding(scope, resource);
    Validations.of(provider).acknowledge({
      id,
      reason: reason('reads the CDK asset bucket and writes the dashboard bucket, objects by key'),
    });
  }
  Validations.of(provider).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: reason(
      'clears the CloudFront cache after a copy; CreateInvalidation has no narrower resource here',
    ),
  });
}
