import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface DashboardSignInProps {
  readonly userPool: cognito.UserPool;
  /** `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
  /** The dashboard's URL: where sign-in and sign-out return. */
  readonly appUrl: string;
}

/**
 * The dashboard's sign-in: Cognito's hosted pages on the pool's domain, and a public app client
 * (no secret: a browser cannot keep one) using the authorization code grant with PKCE.
 */
export class DashboardSignIn extends Construct {
  readonly domain: cognito.UserPoolDomain;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: DashboardSignInProps) {
    super(scope, id);
    this.domain = props.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
    this.client = props.userPool.addClient('DashboardClient', {
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [props.appUrl],
        logoutUrls: [props.appUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      enableTokenRevocation: true,
    });
    // Only the hosted pages sign in (the page never sees a password): refresh is the one direct flow.
    // Left unset, Cognito would allow SRP and custom auth on this public client.
    (this.client.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = [
      'ALLOW_REFRESH_TOKEN_AUTH',
    ];
  }
}
