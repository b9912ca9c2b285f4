import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailSendingProps {
  /** The address guest email and host alerts come from. */
  readonly senderEmail: string;
  /** A domain to verify (with DKIM) instead of the single address. */
  readonly senderDomain?: string | undefined;
}

/**
 * The SES side of guest email: the sender's identity (the address, or its domain with DKIM) and a
 * configuration set that every send uses by default: TLS required, bounces and complaints
 * suppressed, reputation metrics on. The account's sandbox is left by a request to AWS (docs/deploy.md).
 */
export class MailSending extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailSendingProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.senderDomain
        ? ses.Identity.domain(props.senderDomain)
        : ses.Identity.email(props.senderEmail),
      configurationSet: this.configurationSet,
    });
    if (props.senderDomain) {
      // The three DKIM CNAME records to add at the domain's DNS; SES verifies the domain once they resolve.
      this.identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(Stack.of(this), `SenderDkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: `DKIM record ${i + 1} of 3 for ${props.senderDomain}`,
        });
      });
    }
  }
}
