// Building the page from code: text goes in as text nodes, never as HTML, so nothing the API returns
// can inject markup.

/** What an element may contain; arrays (of arrays) are flattened, empty values skipped. */
type Child = Node | string | number | false | null | undefined | readonly Child[];
type AttributeValue = string | number | boolean | null | undefined;
type Attributes = Record<string, AttributeValue | ((event: Event) => void)>;

function append(element: Element, child: Child): void {
  if (child === false || child === null || child === undefined) return;
  if (Array.isArray(child)) for (const each of child) append(element, each);
  else element.append(typeof child === 'object' ? (child as Node) : String(child));
}

function apply(element: Element, attributes: Attributes, children: Child[]): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value));
  }
  append(element, children);
}

/** An HTML element; `onclick`-style keys add listeners, `true` sets a boolean attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attributes, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, for pictures drawn in code. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attributes, children);
  return element;
}

/**
 * Replaces a container's content and puts focus back on the element with the same `data-key`, so a
 * refresh never throws a keyboard user back to the top of the page.
 */
export function replaceKeepingFocus(container: Element, ...nodes: Node[]): void {
  const key = document.activeElement?.closest('[data-key]')?.getAttribute('data-key');
  container.replaceChildren(...nodes);
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}
