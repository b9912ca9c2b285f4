import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntime } from '#local/runtime.ts';

// The host API's matching and listing routes at the edge: authentication, ownership and
// validation (R9.2, R9.3). What matching does to codes is tested in test/core.

const ME = 'host-me';
const OTHER = 'host-other';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describe('host API: locks, properties and matching', () => {
  let runtime: LocalRuntime;
  const tokens: Record<string, string> = {};

  const call = async (host: string | undefined, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = host ? { authorization: `Bearer ${tokens[host]}` } : {};
    const reply = await runtime.request({
      method,
      path,
      headers,
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return { status: reply.statusCode ?? 500, body: reply.body ? JSON.parse(reply.body) : undefined };
  };
  const error = (reply: { body: unknown }) => (reply.body as ErrorBody).error;

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    for (const host of [ME, OTHER]) {
      tokens[host] = runtime.jwt.issue(host, Date.now());
      const property = { id: `${host}-villa`, name: 'Villa', timeZone: 'Europe/Berlin' };
      expect((await call(host, 'POST', '/v1/properties', property)).status).toBe(201);
      runtime.sandbox.addDevice({
        deviceId: `${host}-dev`,
        model: 'generic',
        codeLengths: [6],
        maxCodes: 100,
      });
      const lock = { id: `${host}-front`, name: 'Front', provider: 'sandbox', deviceId: `${host}-dev` };
      expect((await call(host, 'POST', '/v1/locks', lock)).status).toBe(201);
    }
  });
  afterAll(() => runtime.stop());

  describe('GET /v1/properties and GET /v1/locks', () => {
    it('lists only the caller’s own properties (R9.3)', async () => {
      const reply = await call(ME, 'GET', '/v1/properties');
      expect(reply.status).toBe(200);
      expect(reply.body.properties.map((p: { propertyId: string }) => p.propertyId)).toEqual([`${ME}-villa`]);
    });

    it('lists only the caller’s own locks (R9.3)', async () => {
      const reply = await call(ME, 'GET', '/v1/locks');
      expect(reply.status).toBe(200);
      expect(reply.body.locks).toEqual([
        expect.objectContaining({ lockId: `${ME}-front`, hostId: ME, deviceId: `${ME}-dev` }),
      ]);
    });
  });

  describe('PUT /v1/properties/{propertyId}/locks/{lockId}', () => {
    it('matches the lock and answers with the property (R1.1)', async () => {
      const reply = await call(ME, 'PUT', `/v1/properties/${ME}-villa/locks/${ME}-front`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ propertyId: `${ME}-villa`, lockIds: [`${ME}-front`] });
    });

    it('answers 404 for another host’s lock as for a missing one, naming only the field (R9.3)', async () => {
      const theirs = await call(ME, 'PUT', `/v1/properties/${ME}-villa/locks/${OTHER}-front`);
      const missing = await call(ME, 'PUT', `/v1/properties/${ME}-villa/locks/no-such-lock`);
      expect(theirs.status).toBe(404);
      expect(error(theirs)).toEqual(error(missing));
      expect(error(theirs)).toEqual({ code: 'not_found', message: 'lock not found', field: 'lockId' });
    });

    it('answers 404 for another host’s property and leaves it as it was', async () => {
      const reply = await call(ME, 'PUT', `/v1/properties/${OTHER}-villa/locks/${ME}-front`);
      expect(reply.status).toBe(404);
      expect(error(reply).field).toBe('propertyId');
      expect((await runtime.deps.properties.getProperty(OTHER, `${OTHER}-villa`))?.lockIds).toEqual([]);
    });

    it('answers 400 naming the malformed id', async () => {
      const reply = await call(
        ME,
        'PUT',
        `/v1/properties/${ME}-villa/locks/${encodeURIComponent('front door')}`,
      );
      expect(reply.status).toBe(400);
      expect(error(reply).field).toBe('lockId');
    });
  });

  describe('DELETE /v1/properties/{propertyId}/locks/{lockId}', () => {
    it('unmatches the lock, and a repeated request changes nothing (R1.3)', async () => {
      await call(ME, 'PUT', `/v1/properties/${ME}-villa/locks/${ME}-front`);
      const reply = await call(ME, 'DELETE', `/v1/properties/${ME}-villa/locks/${ME}-front`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ propertyId: `${ME}-villa`, lockIds: [] });
      const again = await call(ME, 'DELETE', `/v1/properties/${ME}-villa/locks/${ME}-front`);
      expect(again).toEqual(reply);
    });

    it('answers 404 for another host’s property or lock', async () => {
      await call(OTHER, 'PUT', `/v1/properties/${OTHER}-villa/locks/${OTHER}-front`);
      const property = await call(ME, 'DELETE', `/v1/properties/${OTHER}-villa/locks/${ME}-front`);
      const lock = await call(ME, 'DELETE', `/v1/properties/${ME}-villa/locks/${OTHER}-front`);
      expect([property.status, error(property).field]).toEqual([404, 'propertyId']);
      expect([lock.status, error(lock).field]).toEqual([404, 'lockId']);
      expect((await runtime.deps.properties.getProperty(OTHER, `${OTHER}-villa`))?.lockIds).toEqual([
        `${OTHER}-front`,
      ]);
    });

    it('answers 400 naming the malformed property id', async () => {
      const reply = await call(ME, 'DELETE', `/v1/properties/${'x'.repeat(65)}/locks/${ME}-front`);
      expect(reply.status).toBe(400);
      expect(error(reply).field).toBe('propertyId');
    });
  });

  describe('POST /v1/locks/{lockId}/resync', () => {
    it('answers with what it checked (R1.4)', async () => {
      await call(ME, 'PUT', `/v1/properties/${ME}-villa/locks/${ME}-front`);
      const reply = await call(ME, 'POST', `/v1/locks/${ME}-front/resync`);
      expect(reply).toEqual({
        status: 200,
        body: { lockId: `${ME}-front`, reservationsChecked: 0, reservationsReprogrammed: 0 },
      });
    });

    it('answers 404 for another host’s lock', async () => {
      const reply = await call(ME, 'POST', `/v1/locks/${OTHER}-front/resync`);
      expect(reply.status).toBe(404);
      expect(error(reply)).toEqual({ code: 'not_found', message: 'lock not found', field: 'lockId' });
    });

    it('answers 400 naming the malformed lock id', async () => {
      const reply = await call(ME, 'POST', `/v1/locks/${encodeURIComponent('a/b')}/resync`);
      expect(reply.status).toBe(400);
      expect(error(reply).field).toBe('lockId');
    });
  });

  it.each([
    ['GET', '/v1/properties'],
    ['GET', '/v1/locks'],
    ['PUT', `/v1/properties/${ME}-villa/locks/${ME}-front`],
    ['DELETE', `/v1/properties/${ME}-villa/locks/${ME}-front`],
    ['POST', `/v1/locks/${ME}-front/resync`],
  ])('answers 401 to %s %s without a token, before any handler runs', async (method, path) => {
    const before = runtime.calls.lambda;
    const reply = await call(undefined, method, path);
    expect(reply.status).toBe(401);
    expect(runtime.calls.lambda).toBe(before);
  });
});
