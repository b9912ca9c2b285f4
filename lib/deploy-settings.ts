import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'constructs';

/** Everything a deployment is told through CDK context (`-c key=value`); docs/deploy.md lists each. */
export interface DeploySettings {
  /** Names every stack and named resource, so a second stage can live in the same account. */
  readonly stage: string;
  readonly region: string;
  /** The address guest email and host alerts come from. */
  readonly senderEmail: string;
  /** A domain verified in SES instead of the single address (DKIM records are output). */
  readonly senderDomain: string | undefined;
  /** Subscribed to the alarm topic; absent only in demo mode. */
  readonly alarmEmail: string | undefined;
  /** The Cognito hosted sign-in domain's prefix: `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly authDomainPrefix: string;
  /** The channel partner's messaging API root (R5.2). */
  readonly channelMessagingUrl: string;
  readonly deletionProtection: boolean;
  /** Concurrency reserved for each unauthenticated webhook function, capping what a flood can do to the table. */
  readonly webhookConcurrency: number;
  /** The built dashboard (`npm run build:web` writes web/dist). */
  readonly dashboardDir: string;
  /** An offline try-out: placeholders allowed, nothing real would work. */
  readonly demo: boolean;
}

const REPO_ROOT = path.join(import.meta.dirname, '..');

// The samples use the example domains reserved by RFC 2606: an address or URL there is a placeholder.
const EXAMPLE_HOST = /(^|\.)example(\.(com|net|org))?$/i;

function isPlaceholder(value: string): boolean {
  if (value === '') return true;
  const host = value.includes('://') ? URL.parse(value)?.hostname : value.split('@').at(-1);
  return host === undefined || EXAMPLE_HOST.test(host);
}

// Cognito's rule for a hosted domain prefix, which may not name AWS.
const AUTH_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const AUTH_PREFIX_RESERVED = /aws|amazon|cognito/;

const DEMO_DEFAULTS = {
  senderEmail: 'codes@example.com',
  channelMessagingUrl: 'https://channel-partner.example/lockstep',
} as const;

/** Raised when a required deploy value is missing or still a placeholder; names every one. */
export class DeploySettingsError extends Error {
  constructor(problems: readonly string[]) {
    super(
      [
        'Lockstep cannot be deployed with these settings:',
        ...problems.map((problem) => `  - ${problem}`),
        'Pass each with -c key=value (see docs/deploy.md), or add -c demo=true for an offline try-out.',
      ].join('\n'),
    );
    this.name = 'DeploySettingsError';
  }
}

/** Reads and checks the context once; outside demo mode a placeholder stops synth with its name. */
export function readDeploySettings(node: Node): DeploySettings {
  const text = (key: string): string | undefined => {
    const value = node.tryGetContext(key);
    return value === undefined || value === null ? undefined : String(value).trim();
  };
  const demo = text('demo') === 'true';
  const stage = text('stage') ?? (demo ? 'demo' : 'prod');
  const problems: string[] = [];
  const required = (key: string, what: string, demoValue: string | undefined): string => {
    const value = text(key);
    if (value !== undefined && !isPlaceholder(value)) return value;
    if (demo) return value ?? demoValue ?? '';
    problems.push(`${key}: ${what} (${value === undefined ? 'not set' : `"${value}" is a placeholder`})`);
    return value ?? '';
  };

  const senderEmail = required(
    'senderEmail',
    'the verified address guest email comes from',
    DEMO_DEFAULTS.senderEmail,
  );
  const channelMessagingUrl = required(
    'channelMessagingUrl',
    "the channel partner's messaging API root",
    DEMO_DEFAULTS.channelMessagingUrl,
  );
  const alarmEmail = demo ? text('alarmEmail') : required('alarmEmail', 'who receives the alarms', undefined);
  const authDomainPrefix = text('authDomainPrefix') ?? (demo ? `lockstep-demo-${stage}` : '');
  if (!AUTH_PREFIX.test(authDomainPrefix) || AUTH_PREFIX_RESERVED.test(authDomainPrefix))
    problems.push(
      `authDomainPrefix: the Cognito sign-in domain prefix, lowercase letters, digits and dashes, without aws, amazon or cognito (${authDomainPrefix ? `"${authDomainPrefix}"` : 'not set'})`,
    );
  const senderDomain = text('senderDomain');
  if (senderDomain && !senderEmail.endsWith(`@${senderDomain}`))
    problems.push(`senderDomain: "${senderDomain}" is not the domain of senderEmail "${senderEmail}"`);
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage))
    problems.push(`stage: "${stage}" must be lowercase letters, digits and dashes, at most 20`);
  const webhookConcurrency = Number(text('webhookConcurrency') ?? 20);
  if (!Number.isInteger(webhookConcurrency) || webhookConcurrency < 0)
    problems.push('webhookConcurrency: a whole number, 0 for none reserved');
  const dashboardDir = path.resolve(REPO_ROOT, text('dashboardDir') ?? path.join('web', 'dist'));
  if (!existsSync(path.join(dashboardDir, 'index.html')))
    problems.push(`dashboardDir: no index.html in ${dashboardDir}: run \`npm run build:web\` first`);
  if (problems.length > 0) throw new DeploySettingsError(problems);

  return {
    stage,
    region: text('region') ?? 'us-east-1',
    senderEmail,
    senderDomain,
    alarmEmail,
    authDomainPrefix,
    channelMessagingUrl,
    deletionProtection: text('deletionProtection') !== 'false',
    webhookConcurrency,
    dashboardDir,
    demo,
  };
}
