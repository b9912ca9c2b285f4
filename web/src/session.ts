// The host's bearer token lives in this tab's sessionStorage only (R13.1, R13.5). The sign-in link
// carries it in the URL fragment, which browsers never send to a server; it is taken out of the
// address bar at once so it is neither bookmarked, shared nor kept in history.

const KEY = 'lockstep.token';
const FRAGMENT = /^#token=([A-Za-z0-9._~+/=-]+)$/;

/** Reads a `#token=…` sign-in fragment, keeps the token and rewrites the URL without it. */
export function consumeSignInLink(): boolean {
  const match = FRAGMENT.exec(window.location.hash);
  if (!match?.[1]) return false;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  showArrivalsInAddressBar();
  return true;
}

/** Without a history entry or a hashchange event: the caller shows the screen itself. */
export function showArrivalsInAddressBar(): void {
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/arrivals`);
}

export function currentToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
