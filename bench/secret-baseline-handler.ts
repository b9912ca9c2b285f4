import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

// The floor of any function that reads its secret at init: the SDK client loaded (from node_modules,
// as the functions' external @aws-sdk/* are) and one GetSecretValue, nothing else.
const secret = await new SecretsManagerClient({}).send(
  new GetSecretValueCommand({ SecretId: process.env.LOCKSTEP_CHANNEL_SECRET_ARN ?? 'lockstep' }),
);
export const handler = async () => ({ statusCode: 200, body: secret.SecretString ? 'ok' : 'no secret' });
