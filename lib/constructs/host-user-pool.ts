import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface HostUserPoolProps {
  /** Protects the pool (and keeps it on stack deletion). Default true. */
  readonly deletionProtection?: boolean;
}

/**
 * The hosts' identities. Hosts hold the keys to their guests' doors, so sign-in requires MFA and
 * the Plus tier's threat protection blocks risky sign-ins; hosts are invited, never self-registered.
 */
export class HostUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The JWT issuer the API's authorizer trusts. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: HostUserPoolProps = {}) {
    super(scope, id);
    const protect = props.deletionProtection ?? true;
    this.userPool = new cognito.UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: protect,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.client = this.userPool.addClient('HostClient', {
      authFlows: { userSrp: true },
      // API clients sign in with SRP; the hosted pages (and their redirects) belong to the dashboard's client.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
    });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
  }
}
