import { h } from './dom.ts';
import { renderAlerts } from './screens/alerts.ts';
import { renderArrivals } from './screens/arrivals.ts';
import { renderLocks } from './screens/locks.ts';
import { renderProperties } from './screens/properties.ts';
import { renderReservation } from './screens/reservation.ts';
import { renderStaff } from './screens/staff.ts';
import { renderStaffMember } from './screens/staff-member.ts';
import { failurePanel, loadingPanel } from './ui/panels.ts';
import type { Section, Shell } from './ui/shell.ts';

// Hash routing: `#/arrivals`, `#/reservations/{id}`, `#/locks`, `#/properties`, `#/staff`,
// `#/staff/{id}`, `#/alerts`. Each screen gets a signal that aborts when the host leaves it, which
// stops its polling and drops what it showed (a revealed PIN included).

export interface ScreenContext {
  main: HTMLElement;
  signal: AbortSignal;
  params: string[];
}

type Screen = (context: ScreenContext) => Promise<void>;

const ROUTES: [pattern: RegExp, section: Section | undefined, title: string, screen: Screen][] = [
  [/^#?\/?(?:arrivals)?$/, 'arrivals', 'Arrivals', renderArrivals],
  [/^#\/reservations\/([^/]+)$/, 'arrivals', 'Reservation', renderReservation],
  [/^#\/locks$/, 'locks', 'Locks', renderLocks],
  [/^#\/properties$/, 'properties', 'Properties', renderProperties],
  [/^#\/staff$/, 'staff', 'Staff', renderStaff],
  [/^#\/staff\/([^/]+)$/, 'staff', 'Staff member', renderStaffMember],
  [/^#\/alerts$/, 'alerts', 'Alerts', renderAlerts],
];

const notFound: Screen = async ({ main }) => {
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Page not found'),
    h('p', {}, h('a', { href: '#/arrivals' }, 'Back to the arrivals board')),
  );
};

/** Shows the screen the hash names, and the next one on every change; the answer stops it. */
export function startRouter(shell: Shell): () => void {
  let current: AbortController | undefined;
  const show = async (moveFocus: boolean) => {
    // Only `#/…` hashes are routes; others (an in-page anchor) leave the screen as it is.
    const hash = window.location.hash;
    if (hash !== '' && !hash.startsWith('#/')) return;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const route = ROUTES.find(([pattern]) => pattern.test(hash));
    const [pattern, section, title, screen] = route ?? [/^/, undefined, 'Page not found', notFound];
    const params = (pattern.exec(hash) ?? []).slice(1).map((p) => decodeURIComponent(p ?? ''));
    shell.setSection(section);
    document.title = `${title} · Lockstep`;
    const { main } = shell;
    const run = async () => {
      main.setAttribute('aria-busy', 'true');
      main.replaceChildren(loadingPanel(title.toLowerCase()));
      try {
        await screen({ main, signal: controller.signal, params });
      } catch (error) {
        if (!controller.signal.aborted) main.replaceChildren(failurePanel(error, run));
      } finally {
        if (!controller.signal.aborted) main.removeAttribute('aria-busy');
      }
      if (moveFocus && !controller.signal.aborted) main.querySelector<HTMLElement>('h1')?.focus();
    };
    await run();
  };
  const onHashChange = () => void show(true);
  // A link to the screen already shown changes no hash: it loads the screen again instead.
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest('a');
    if (link?.getAttribute('href') !== window.location.hash) return;
    event.preventDefault();
    void show(true);
  };
  window.addEventListener('hashchange', onHashChange);
  document.addEventListener('click', onClick);
  void show(false);
  return () => {
    window.removeEventListener('hashchange', onHashChange);
    document.removeEventListener('click', onClick);
    current?.abort();
  };
}
