import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Secrets Manager on loopback for cold starts: the webhook functions read their signing secrets at
// init (GetSecretValue), so init stays real and offline. Answers any request with the same secret.

export interface SecretsStub {
  url: string;
  stop(): Promise<void>;
}

export async function startSecretsStub(secret: object): Promise<SecretsStub> {
  const body = JSON.stringify({
    ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:lockstep-webhooks',
    Name: 'lockstep-webhooks',
    SecretString: JSON.stringify(secret),
    VersionId: 'bench',
  });
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
