import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../../lambdas/functions/catalog.ts';
import { API_PATH_PATTERNS } from '../../../lib/constructs/dashboard-hosting.ts';
import { buildTestApp, logicalIdOf } from '../app-fixture.ts';

// Issue 14 on AWS: the host's dashboard (R13) from a private bucket behind CloudFront, the host API
// on the same origin, signing in through Cognito's hosted pages with the code grant and PKCE.

const { application } = buildTestApp({ authDomainPrefix: 'rentals-hosts' });
const template = Template.fromStack(application);
const idOf = (construct: { node: { defaultChild?: unknown } }) => logicalIdOf(construct, application);
const dashboard = application.dashboard;
const distributionId = idOf(dashboard.distribution);
const dashboardUrl = {
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']],
};
const distributionConfig = () =>
  (
    template.toJSON().Resources[distributionId] as {
      Properties: { DistributionConfig: Record<string, unknown> };
    }
  ).Properties.DistributionConfig;
const headersConfig = () => {
  const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as {
    Properties: {
      ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Record<string, Record<string, unknown>> };
    };
  }[];
  return policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig ?? {};
};

describe('R13 dashboard hosting: the bucket', () => {
  it('is private: public access blocked, encrypted, reachable over TLS only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: idOf(dashboard.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('is read by CloudFront alone, through origin access control for this distribution', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    const [oacId] = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'));
    const [origin] = distributionConfig().Origins as Record<string, unknown>[];
    expect(origin).toMatchObject({
      DomainName: { 'Fn::GetAtt': [idOf(dashboard.bucket), 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });
});

describe('R13 dashboard hosting: the distribution', () => {
  it('serves index.html at the root and sends plain HTTP to HTTPS', () => {
    expect(distributionConfig()).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: expect.objectContaining({ ViewerProtocolPolicy: 'redirect-to-https' }),
    });
  });

  it('passes the host API and its OpenAPI document to the HTTP API on the same origin, uncached, with Authorization', () => {
    const hostPaths = HTTP_ROUTES.filter((route) => route.auth !== 'signed-webhook').map((route) =>
      route.path.replace('{proxy+}', '*'),
    );
    expect([...API_PATH_PATTERNS].sort()).toEqual(hostPaths.sort());
    const behaviors = distributionConfig().CacheBehaviors as Record<string, unknown>[];
    for (const pattern of API_PATH_PATTERNS) {
      expect(behaviors).toContainEqual(
        expect.objectContaining({
          PathPattern: pattern,
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
          // The managed CachingDisabled and AllViewerExceptHostHeader policies: with caching off,
          // the origin request policy forwards every viewer header, Authorization included.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
        }),
      );
    }
    const origins = distributionConfig().Origins as { DomainName: unknown; CustomOriginConfig?: unknown }[];
    expect(origins).toContainEqual(
      expect.objectContaining({
        DomainName: {
          'Fn::Join': [
            '',
            [{ Ref: idOf(application.api.api) }, '.execute-api.us-east-1.', { Ref: 'AWS::URLSuffix' }],
          ],
        },
        CustomOriginConfig: expect.objectContaining({ OriginProtocolPolicy: 'https-only' }),
      }),
    );
  });

  it('sends a strict Content-Security-Policy: own files, own origin and the sign-in domain, no framing', () => {
    const csp = String(headersConfig().ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "connect-src 'self' https://rentals-hosts.auth.us-east-1.amazoncognito.com",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]),
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('sends HSTS, nosniff, no referrer and no framing with every answer, the API’s included', () => {
    expect(headersConfig()).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 2 * 365 * 86400,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
    const policyId = {
      Ref: Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0],
    };
    const config = distributionConfig();
    expect(config.DefaultCacheBehavior).toMatchObject({ ResponseHeadersPolicyId: policyId });
    for (const behavior of config.CacheBehaviors as Record<string, unknown>[])
      expect(behavior).toMatchObject({ ResponseHeadersPolicyId: policyId });
  });

  it('prints the dashboard URL', () => {
    template.hasOutput('DashboardUrl', { Value: dashboardUrl });
  });
});

describe('R13 dashboard sign-in', () => {
  it('opens Cognito’s hosted pages on the configured domain prefix', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'rentals-hosts' });
  });

  it('signs in with a public client: authorization code grant (with PKCE), no secret, back to the dashboard', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [dashboardUrl],
      LogoutURLs: [dashboardUrl],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it('keeps the hosted pages to the dashboard: the API clients’ app client has no OAuth flow', () => {
    const clients = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'));
    const withOAuth = clients.filter(
      ([, client]) => (client as { Properties: Record<string, unknown> }).Properties.AllowedOAuthFlows,
    );
    expect(withOAuth.map(([id]) => id)).toEqual([idOf(dashboard.signIn.client)]);
  });

  it('deploys the built page with a config.json naming the API origin, the sign-in domain and the client', () => {
    const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(deployment?.Properties).toMatchObject({
      DestinationBucketName: { Ref: idOf(dashboard.bucket) },
      DistributionId: { Ref: distributionId },
      DistributionPaths: ['/*'],
      SourceObjectKeys: [expect.any(String), expect.any(String)],
    });
    const markers = deployment?.Properties.SourceMarkers as Record<string, unknown>[];
    const configMarkers = markers.find((m) => Object.keys(m).length > 0) ?? {};
    const config = readConfigJson((marker) => configMarkers[marker]);
    expect(config).toEqual({
      apiBaseUrl: '',
      auth: {
        kind: 'cognito',
        domain: 'https://rentals-hosts.auth.us-east-1.amazoncognito.com',
        clientId: { Ref: idOf(dashboard.signIn.client) },
        redirectUri: dashboardUrl,
        logoutUri: dashboardUrl,
      },
    });
  });
});

/**
 * The config.json the deployment writes, read from its staged asset, with each deploy-time marker
 * replaced by the CloudFormation value the custom resource will put in its place.
 */
function readConfigJson(deployTimeValue: (marker: string) => unknown): unknown {
  const { outdir } = application.node.root as App;
  const staged = readdirSync(outdir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(outdir, entry.name, 'config.json'))
    .find((file) => existsSync(file));
  if (!staged) throw new Error('no staged config.json');
  const MARKER = /(<<marker:[^>]+>>)/;
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string' && MARKER.test(value)) {
      const parts = value.split(MARKER).filter(Boolean);
      const values = parts.map((part) => (MARKER.test(part) ? deployTimeValue(part) : part));
      return values.length === 1 ? values[0] : { 'Fn::Join': ['', values] };
    }
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  return replace(JSON.parse(readFileSync(staged, 'utf8')));
}
