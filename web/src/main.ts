import '../styles/dashboard.css';
import { useApiBase, whenUnauthorized } from './api/client.ts';
import { cognitoSignOut, completeCognitoSignIn, startCognitoSignIn } from './auth/cognito-sign-in.ts';
import { type DashboardConfig, loadDashboardConfig } from './auth/config.ts';
import { h } from './dom.ts';
import { startRouter } from './router.ts';
import { renderSignIn, type SignInMethod } from './screens/sign-in.ts';
import { consumeSignInLink, currentToken, showArrivalsInAddressBar, signOut } from './session.ts';
import { describeError } from './ui/action.ts';
import { renderShell } from './ui/shell.ts';

// The dashboard's entry: read config.json, finish a sign-in (the demo's link or Cognito's redirect),
// then show the screens or the sign-in page.

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
const app: HTMLElement = root;

let stopRouter: (() => void) | undefined;

function showSignIn(config: DashboardConfig, notice?: string): void {
  stopRouter?.();
  stopRouter = undefined;
  const { auth } = config;
  const method: SignInMethod =
    auth.kind === 'cognito'
      ? { kind: 'cognito', start: () => void startCognitoSignIn(auth) }
      : {
          kind: 'demo',
          onSignedIn: () => {
            showArrivalsInAddressBar();
            showDashboard(config);
          },
        };
  renderSignIn(app, notice, method);
}

function showDashboard(config: DashboardConfig): void {
  stopRouter?.();
  const shell = renderShell(app, () => {
    signOut();
    if (config.auth.kind === 'cognito') cognitoSignOut(config.auth);
    else showSignIn(config);
  });
  stopRouter = startRouter(shell);
}

async function start(): Promise<void> {
  const config = await loadDashboardConfig();
  useApiBase(config.apiBaseUrl);
  whenUnauthorized(() => {
    signOut();
    showSignIn(config, 'Your sign-in was refused or has expired. Sign in again.');
  });
  let notice: string | undefined;
  if (config.auth.kind === 'cognito') notice = await completeCognitoSignIn(config.auth);
  else {
    // A sign-in link opened in a tab that already shows the page changes only the fragment.
    window.addEventListener('hashchange', () => {
      if (consumeSignInLink()) showDashboard(config);
    });
    consumeSignInLink();
  }
  if (currentToken() && !notice) showDashboard(config);
  else showSignIn(config, notice);
}

start().catch((error: unknown) => {
  app.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'main' },
      h('h1', {}, 'Lockstep could not start'),
      h('p', { class: 'outcome outcome-error', role: 'alert' }, describeError(error)),
    ),
  );
});
