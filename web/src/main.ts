import '../styles/dashboard.css';
import { whenUnauthorized } from './api/client.ts';
import { startRouter } from './router.ts';
import { renderSignIn } from './screens/sign-in.ts';
import { consumeSignInLink, currentToken, signOut } from './session.ts';
import { renderShell } from './ui/shell.ts';

// The dashboard's entry: take a sign-in link's token, then show the screens or the sign-in form.

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');

let stopRouter: (() => void) | undefined;

function showSignIn(notice?: string): void {
  stopRouter?.();
  stopRouter = undefined;
  renderSignIn(root as HTMLElement, notice, () => {
    window.location.hash = '#/arrivals';
    showDashboard();
  });
}

function showDashboard(): void {
  const shell = renderShell(root as HTMLElement, () => {
    signOut();
    showSignIn();
  });
  stopRouter = startRouter(shell);
}

whenUnauthorized(() => {
  signOut();
  showSignIn('Your sign-in was refused or has expired. Sign in again.');
});
consumeSignInLink();
if (currentToken()) showDashboard();
else showSignIn();
