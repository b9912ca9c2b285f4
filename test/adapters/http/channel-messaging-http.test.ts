import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelMessagingHttp } from '#adapters/http/channel-messaging-http.ts';
import { ChannelUnreachableError, MessageRefusedError } from '#core/errors.ts';
import { verifyWebhook } from '#core/webhooks/signature.ts';
import type { ChannelMessage } from '#ports/channel-messaging.ts';

// R5.2 channel messaging over HTTP, against a partner stand-in on loopback.

const SECRET = 'shared-channel-secret';
const NOW = Date.parse('2026-12-04T22:50:00Z');

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Reply = (res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let received: Received[];
let replies: Reply[];

const ok: Reply = (res) =>
  res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"queued"}');
const status =
  (code: number, body = '{}'): Reply =>
  (res) =>
    res.writeHead(code, { 'content-type': 'application/json' }).end(body);

beforeEach(async () => {
  received = [];
  replies = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      (replies.shift() ?? ok)(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/partner/`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message: ChannelMessage = {
  messageId: 'code-3f2a-1796424600000',
  hostId: 'host-1',
  reservationId: 'HM4KD9QX2P',
  channel: 'airbnb',
  senderHostId: 'h2',
  text: 'Hola, Ana: tu código es 482913.',
  language: 'es',
};

const messenger = (
  overrides: { sleeps?: number[]; url?: string; timeoutMs?: number; maxRetries?: number } = {},
) =>
  new ChannelMessagingHttp({
    baseUrl: overrides.url ?? baseUrl,
    signingSecret: SECRET,
    now: () => NOW,
    random: () => 0.5,
    sleep: async (ms) => {
      overrides.sleeps?.push(ms);
    },
    ...(overrides.timeoutMs !== undefined && { timeoutMs: overrides.timeoutMs }),
    ...(overrides.maxRetries !== undefined && { maxRetries: overrides.maxRetries }),
  });

describe('R5.2 ChannelMessagingHttp', () => {
  it('posts one signed message into the guest conversation, as the chosen host, with an idempotency key', async () => {
    await messenger().sendChannelMessage(message);

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/partner/v1/messages');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe(message.messageId);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      version: '2026-11-01',
      id: message.messageId,
      host_id: 'host-1',
      reservation_id: 'HM4KD9QX2P',
      channel: 'airbnb',
      sender_host_id: 'h2',
      language: 'es',
      text: 'Hola, Ana: tu código es 482913.',
    });
    const headers = request?.headers as Record<string, string>;
    expect(verifyWebhook([SECRET], headers, request?.body ?? '', NOW)).toBeUndefined();
    expect(headers['webhook-id']).toBe(message.messageId);
  });

  it('leaves the sender to the partner when none was chosen', async () => {
    await messenger().sendChannelMessage({ ...message, channel: 'vrbo', senderHostId: undefined });
    expect(JSON.parse(received[0]?.body ?? '')).not.toHaveProperty('sender_host_id');
  });

  it('retries throttling and server faults with growing backoff, with the same key, until it is taken', async () => {
    replies = [status(503), status(429), status(500)];
    const sleeps: number[] = [];

    await messenger({ sleeps }).sendChannelMessage(message);

    expect(received).toHaveLength(4);
    expect(new Set(received.map((r) => r.headers['idempotency-key']))).toEqual(new Set([message.messageId]));
    // Full jitter at 0.5 of 250, 500, 1000 ms.
    expect(sleeps).toEqual([125, 250, 500]);
  });

  it('gives up on an unreachable endpoint with a clear error after its retries', async () => {
    // A port that was just freed: nothing listens there.
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const closed = `http://127.0.0.1:${(spare.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const sleeps: number[] = [];

    const sending = messenger({ url: closed, sleeps }).sendChannelMessage(message);

    await expect(sending).rejects.toThrow(ChannelUnreachableError);
    await expect(sending).rejects.toThrow('airbnb messaging unreachable: network error (4 attempts)');
    expect(sleeps).toHaveLength(3);
  });

  it('counts a partner that does not answer in time as unreachable', async () => {
    replies = [() => {}];
    const sending = messenger({ timeoutMs: 50, maxRetries: 0 }).sendChannelMessage(message);
    await expect(sending).rejects.toThrow('airbnb messaging unreachable: no reply within 50 ms (1 attempts)');
  });

  it('takes a refusal as final, naming the partner error code and never echoing its body', async () => {
    replies = [status(404, '{"error":{"code":"unknown_conversation","message":"no thread for 482913"}}')];

    const sending = messenger().sendChannelMessage(message);

    await expect(sending).rejects.toThrow(MessageRefusedError);
    await expect(sending).rejects.toThrow(
      'airbnb messaging refused the message: unknown_conversation (HTTP 404)',
    );
    await expect(sending).rejects.not.toThrow('482913');
    expect(received).toHaveLength(1);
  });

  it('refuses to start without the signing secret', () => {
    expect(() => new ChannelMessagingHttp({ baseUrl, signingSecret: '' })).toThrow(
      'signing secret is missing',
    );
  });
});
