import { signIn } from '../session.ts';
import type { CognitoSettings } from './config.ts';
import { authorizeUrl, logoutUrl, readRedirect, tokenRequest } from './hosted-ui.ts';
import { challengeOf, newState, newVerifier } from './pkce.ts';

// Signing in with the Cognito user pool's hosted UI on AWS (R13.1): authorization code + PKCE. The
// verifier and state wait in this tab's sessionStorage across the redirect; the tokens never leave
// it, and the code is taken out of the address bar before anything else happens.

const PENDING_KEY = 'lockstep.sign-in';

interface PendingSignIn {
  state: string;
  verifier: string;
  /** The screen the host was on, shown again once signed in. */
  returnTo: string;
}

/** Leaves for the hosted UI. */
export async function startCognitoSignIn(auth: CognitoSettings): Promise<void> {
  const pending: PendingSignIn = {
    state: newState(crypto),
    verifier: newVerifier(crypto),
    returnTo: window.location.hash.startsWith('#/') ? window.location.hash : '#/arrivals',
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  window.location.assign(authorizeUrl(auth, pending.state, await challengeOf(pending.verifier, crypto)));
}

function takePending(): PendingSignIn | undefined {
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    return stored ? (JSON.parse(stored) as PendingSignIn) : undefined;
  } catch {
    return undefined;
  }
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  error?: string;
}

/**
 * On the way back from the hosted UI: checks the state, exchanges the code for tokens and keeps the
 * access token. Resolves to nothing when this load is no redirect, or to why sign-in failed.
 */
export async function completeCognitoSignIn(auth: CognitoSettings): Promise<string | undefined> {
  const pending = takePending();
  const answer = readRedirect(window.location.search, pending?.state);
  if (answer.kind === 'none') return undefined;
  // The code is single-use and short-lived, but it still leaves the address bar and history now.
  history.replaceState(null, '', `${window.location.pathname}${pending?.returnTo ?? '#/arrivals'}`);
  if (answer.kind === 'refused') return answer.reason;
  const { url, body } = tokenRequest(auth, answer.code, pending?.verifier ?? '');
  let token: TokenAnswer;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    token = (await response.json()) as TokenAnswer;
  } catch {
    return 'The sign-in service could not be reached. Try again.';
  }
  if (!token.access_token) return `Sign-in failed: ${token.error ?? 'no token was issued'}.`;
  signIn(token.access_token, Date.now() + (token.expires_in ?? 3600) * 1000);
  return undefined;
}

/** Ends the hosted UI's session as well, so the next sign-in asks again. */
export function cognitoSignOut(auth: CognitoSettings): void {
  window.location.assign(logoutUrl(auth));
}
