import '../styles/dashboard.css';
import { whenUnauthorized } from './api/client.ts';
import { startRouter } from './router.ts';
import { renderSignIn } from './screens/sign-in.ts';
import { consumeSignInLink, currentToken, showArrivalsInAddressBar, signOut } from './session.ts';
import { renderShell } from './ui/shell.ts';

// The dashboard's entry: take a sign-in link's token, then show the screens or the sign-in form.

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
const app: HTMLElement = root;

let stopRouter: (() => void) | undefined;

function showSignIn(notice?: string): void {
  stopRouter?.();
  stopRouter = undefined;
  renderSignIn(app, notice, () => {
    showArrivalsInAddressBar();
    showDashboard();
  });
}

function showDashboard(): void {
  stopRouter?.();
  const shell = renderShell(app, () => {
    signOut();
    showSignIn();
  });
  stopRouter = startRouter(shell);
}

whenUnauthorized(() => {
  signOut();
  showSignIn('Your sign-in was refused or has expired. Sign in again.');
});
// A sign-in link opened in a tab that already shows the page changes only the fragment.
window.addEventListener('hashchange', () => {
  if (consumeSignInLink()) showDashboard();
});
consumeSignInLink();
if (currentToken()) showDashboard();
else showSignIn();
