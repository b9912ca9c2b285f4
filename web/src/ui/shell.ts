import { h } from '../dom.ts';

// The frame around every screen: the product name, the navigation and the main region.

export type Section = 'arrivals' | 'locks' | 'properties' | 'staff' | 'alerts';

const SECTIONS: [Section, string][] = [
  ['arrivals', 'Arrivals'],
  ['locks', 'Locks'],
  ['properties', 'Properties'],
  ['staff', 'Staff'],
  ['alerts', 'Alerts'],
];

export interface Shell {
  main: HTMLElement;
  /** Marks the section the current screen belongs to (aria-current), or none. */
  setSection(section: Section | undefined): void;
}

export function renderShell(root: HTMLElement, onSignOut: () => void): Shell {
  const links = SECTIONS.map(([section, label]) =>
    h('a', { href: `#/${section}`, class: 'nav-link', 'data-section': section }, label),
  );
  const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const skip = h('a', { href: '#main', class: 'skip-link' }, 'Skip to content');
  // The skip link moves focus without touching the hash, which the router owns.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  root.replaceChildren(
    skip,
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'topbar-inner' },
        h(
          'a',
          { href: '#/arrivals', class: 'brand' },
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
          'Lockstep',
        ),
        h(
          'nav',
          { 'aria-label': 'Dashboard' },
          h(
            'ul',
            { class: 'nav' },
            links.map((link) => h('li', {}, link)),
          ),
        ),
        h('button', { type: 'button', class: 'button button-quiet', onclick: onSignOut }, 'Sign out'),
      ),
    ),
    main,
  );
  return {
    main,
    setSection(section) {
      for (const link of links) {
        if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
