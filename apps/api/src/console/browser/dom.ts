/** What may be a child of an element: nodes, text (always as text, never parsed as HTML), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes by name; `class` sets the class list. Values are set as attributes, never as HTML. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/**
 * An element with attributes and children. Text is inserted as text nodes, so a job id, a model
 * name or an error message can never become markup; no inline style either (the CSP forbids it).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A table with a header row and one row per entry; `rowAttributes` marks rows (class, data-*). */
export function table<T>(columns: readonly string[], rows: readonly T[], cells: (row: T) => Child[], rowAttributes?: (row: T) => Attributes): HTMLTableElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, ...rows.map((row) => h('tr', rowAttributes?.(row) ?? {}, ...cells(row).map((cell) => h('td', {}, cell))))),
  );
}

/** A figure: a big number with its label. */
export function stat(label: string, value: string, attributes: Attributes = {}): HTMLElement {
  return h('div', { class: 'stat', ...attributes }, h('div', { class: 'stat-value' }, value), h('div', { class: 'stat-label' }, label));
}
