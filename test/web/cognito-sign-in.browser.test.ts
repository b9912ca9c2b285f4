import { createHash } from 'node:crypto';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardWorld, expectAccessible, openDashboardWorld } from './browser-harness.ts';

// R13.1 on AWS, in Chromium: the page served from a CDN origin signs in through Cognito's hosted UI
// (authorization code + PKCE). The CDN and the hosted UI are stood in for by routes; the page, its
// config reading and the API are the real ones.

const DASH = 'https://dashboard.lockstep.test';
const POOL = 'https://hosts.auth.eu-west-1.amazoncognito.com';
const CONFIG = {
  apiBaseUrl: '',
  auth: {
    kind: 'cognito',
    domain: POOL,
    clientId: 'client-1',
    redirectUri: `${DASH}/`,
    logoutUri: `${DASH}/`,
  },
};
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

describe('R13.1 signing in with Cognito’s hosted UI', () => {
  let world: DashboardWorld;
  const page = () => world.page;
  /** What the stand-in hosted UI saw. */
  let authorize: URLSearchParams | undefined;
  let exchanges: URLSearchParams[] = [];
  const logouts: URLSearchParams[] = [];

  const cdn = async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/config.json') return route.fulfill({ json: CONFIG });
    const response = await route.fetch({ url: `${world.server.url}${url.pathname}${url.search}` });
    const headers = response.headers();
    // As the deployment must: the token exchange is the one call to another origin.
    headers['content-security-policy'] = headers['content-security-policy']?.replace(
      "default-src 'self'",
      `default-src 'self'; connect-src 'self' ${POOL}`,
    ) as string;
    return route.fulfill({ response, headers });
  };

  const hostedUi = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname === '/oauth2/authorize') {
      authorize = url.searchParams;
      const back = `${DASH}/?code=code-1&state=${encodeURIComponent(url.searchParams.get('state') ?? '')}`;
      return route.fulfill({ status: 302, headers: { location: back } });
    }
    if (url.pathname === '/logout') {
      logouts.push(url.searchParams);
      return route.fulfill({ status: 302, headers: { location: url.searchParams.get('logout_uri') ?? '' } });
    }
    const form = new URLSearchParams(request.postData() ?? '');
    exchanges.push(form);
    const good =
      form.get('code') === 'code-1' &&
      s256(form.get('code_verifier') ?? '') === authorize?.get('code_challenge');
    return route.fulfill({
      status: good ? 200 : 400,
      headers: { 'access-control-allow-origin': DASH },
      json: good
        ? { access_token: world.server.demo.token, id_token: 'id', token_type: 'Bearer', expires_in: 3600 }
        : { error: 'invalid_grant' },
    });
  };

  beforeAll(async () => {
    world = await openDashboardWorld();
    await world.context.route(`${DASH}/**`, cdn);
    await world.context.route(`${POOL}/**`, hostedUi);
  });

  afterAll(() => world?.close());

  it('shows a Sign in button instead of the demo’s token form, accessible', async () => {
    await page().goto(`${DASH}/#/locks`);
    await page().getByRole('heading', { name: 'Sign in to Lockstep' }).waitFor();
    expect(await page().getByLabel('Bearer token').count()).toBe(0);
    await expectAccessible(page(), 'Cognito sign-in');
  });

  it('signs in with a PKCE S256 challenge, exchanges the code, and leaves no code in the URL', async () => {
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().getByRole('heading', { name: 'Locks', exact: true }).waitFor();
    expect(Object.fromEntries(authorize ?? [])).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: `${DASH}/`,
      code_challenge_method: 'S256',
    });
    expect(exchanges).toHaveLength(1);
    expect(s256(exchanges[0]?.get('code_verifier') ?? '')).toBe(authorize?.get('code_challenge'));
    expect(page().url()).toBe(`${DASH}/#/locks`); // back where the host was, without ?code
    expect(await page().evaluate(() => sessionStorage.getItem('lockstep.token'))).toBe(
      world.server.demo.token,
    );
    expect(await page().evaluate(() => sessionStorage.getItem('lockstep.sign-in'))).toBeNull();
  });

  it('signs out at the hosted UI and comes back to the sign-in page with nothing kept', async () => {
    await page().getByRole('button', { name: 'Sign out' }).click();
    await page().getByRole('heading', { name: 'Sign in to Lockstep' }).waitFor();
    expect(logouts.map((q) => Object.fromEntries(q))).toEqual([
      { client_id: 'client-1', logout_uri: `${DASH}/` },
    ]);
    expect(await page().evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('refuses an answer whose state is not this tab’s, exchanging nothing', async () => {
    exchanges = [];
    await page().goto(`${DASH}/?code=code-1&state=forged`);
    await expect
      .poll(() => page().getByRole('alert').textContent())
      .toBe('The sign-in answer did not match this tab’s request. Sign in again.');
    expect(exchanges).toEqual([]);
    expect(page().url()).not.toContain('code=');
    expect(await page().evaluate(() => sessionStorage.getItem('lockstep.token'))).toBeNull();
  });

  it('logged no console error and threw no page error', () => {
    expect(world.problems).toEqual([]);
  });
});
