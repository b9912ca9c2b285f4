import type { CognitoSettings } from './config.ts';

// The Cognito hosted UI's three addresses (authorize, token, logout) and the reading of its answer.
// Pure: the browser glue (cognito-sign-in.ts) does the navigation, storage and fetch.

const SCOPES = 'openid email';

/** The sign-in page, asked for an authorization code bound to `challenge` and `state`. */
export function authorizeUrl(auth: CognitoSettings, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: SCOPES,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${auth.domain}/oauth2/authorize?${query}`;
}

/** The code exchange: a form POST to /oauth2/token carrying the verifier (a public client: no secret). */
export function tokenRequest(auth: CognitoSettings, code: string, verifier: string) {
  return {
    url: `${auth.domain}/oauth2/token`,
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: auth.redirectUri,
      code_verifier: verifier,
    }),
  };
}

/** Ends the hosted UI's own session too, then comes back to the page. */
export function logoutUrl(auth: CognitoSettings): string {
  const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.logoutUri });
  return `${auth.domain}/logout?${query}`;
}

export type RedirectAnswer =
  | { kind: 'none' }
  | { kind: 'code'; code: string }
  | { kind: 'refused'; reason: string };

/**
 * What the hosted UI's redirect (`?code=…&state=…` or `?error=…`) says, given the state this tab
 * sent. A state that does not match is refused: the answer belongs to another request.
 */
export function readRedirect(search: string, expectedState: string | undefined): RedirectAnswer {
  const query = new URLSearchParams(search);
  const code = query.get('code');
  const error = query.get('error');
  if (code === null && error === null) return { kind: 'none' };
  if (!expectedState || query.get('state') !== expectedState)
    return { kind: 'refused', reason: 'The sign-in answer did not match this tab’s request. Sign in again.' };
  if (error !== null) {
    const description = query.get('error_description');
    return { kind: 'refused', reason: `Sign-in failed: ${description ?? error}.` };
  }
  return { kind: 'code', code: code ?? '' };
}
