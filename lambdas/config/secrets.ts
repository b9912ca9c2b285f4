// The integration secrets, one per credential relationship, so each function's role reads only the
// ones its code can need (docs/decisions.md, "One secret per credential"). Shared by lib/ (which
// creates them, grants them and points each function at them) and the functions (which read them).

/** Each secret: the environment variable holding its ARN, the JSON key its value sits under, its shape. */
export const SECRETS = {
  /** Seam's API key: every function that programs or reads locks. */
  seamApi: { env: 'LOCKSTEP_SEAM_API_SECRET_ARN', key: 'apiKey', shape: '{"apiKey": "seam_..."}' },
  /** Seam's webhook signing secrets (Svix `whsec_...`), two during a rotation (R9.1). */
  seamWebhooks: {
    env: 'LOCKSTEP_SEAM_WEBHOOK_SECRET_ARN',
    key: 'signingSecrets',
    shape: '{"signingSecrets": ["whsec_..."]}',
  },
  /**
   * The channel partner's shared secrets: its webhooks are verified with them, and guest messages
   * sent through its messaging API are signed with the first (current) one (R5.2, R9.1).
   */
  channelPartner: {
    env: 'LOCKSTEP_CHANNEL_SECRET_ARN',
    key: 'signingSecrets',
    shape: '{"signingSecrets": ["..."]}',
  },
  /** Signs `access_method.*` webhooks to hosts' endpoints (R6.5). */
  hostWebhooks: {
    env: 'LOCKSTEP_HOST_WEBHOOK_SECRET_ARN',
    key: 'signingSecret',
    shape: '{"signingSecret": "..."}',
  },
} as const;

export type SecretName = keyof typeof SECRETS;
