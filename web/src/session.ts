// The host's bearer token lives in this tab's sessionStorage only (R13.1, R13.5). The demo's sign-in
// link carries it in the URL fragment, which browsers never send to a server; it is taken out of the
// address bar at once so it is neither bookmarked, shared nor kept in history.

const KEY = 'lockstep.token';
const EXPIRES_KEY = 'lockstep.token-expires-at';
const FRAGMENT = /^#token=([A-Za-z0-9._~+/=-]+)$/;

/** Reads a `#token=…` sign-in fragment, keeps the token and rewrites the URL without it. */
export function consumeSignInLink(): boolean {
  const match = FRAGMENT.exec(window.location.hash);
  if (!match?.[1]) return false;
  signIn(decodeURIComponent(match[1]));
  showArrivalsInAddressBar();
  return true;
}

/** Without a history entry or a hashchange event: the caller shows the screen itself. */
export function showArrivalsInAddressBar(): void {
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/arrivals`);
}

/** The token while it is valid; an expired one counts as signed out. */
export function currentToken(now = Date.now()): string | undefined {
  const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY) ?? Number.POSITIVE_INFINITY);
  if (expiresAt <= now) signOut();
  return sessionStorage.getItem(KEY) ?? undefined;
}

/** `expiresAt` in ms since the epoch, when the token says (Cognito's do). */
export function signIn(token: string, expiresAt?: number): void {
  sessionStorage.setItem(KEY, token.trim());
  if (expiresAt === undefined) sessionStorage.removeItem(EXPIRES_KEY);
  else sessionStorage.setItem(EXPIRES_KEY, String(expiresAt));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
}
