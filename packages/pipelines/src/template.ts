/**
 * The whole template language: `{{ path }}` placeholders, substituted with values. No helpers, no
 * conditionals, no code: a template can only copy values the pipeline already holds, so a tenant's
 * template cannot make a worker run anything.
 */

/** A placeholder: `input.question`, `extract.items.0`, `item`, `index`. */
export interface Placeholder {
  /** The dotted path, split. */
  path: readonly string[];
}

/** A template cut into literal text and placeholders. */
export type TemplatePart = string | Placeholder;

export interface ParsedTemplate {
  parts: readonly TemplatePart[];
  /** The placeholders, in order. */
  placeholders: readonly Placeholder[];
  /** The text outside placeholders. */
  literal: string;
  /** True when the template is one placeholder and nothing else (whitespace aside): it yields the value itself. */
  lone: boolean;
}

/** Limits that bound what rendering can cost. */
export const templateLimits = {
  /** Placeholders in one template. Default 100. */
  maxPlaceholders: 100,
  /** Characters a rendered template may have; a longer one fails the step. Default 400,000. */
  maxRenderedChars: 400_000,
} as const;

/** A template that cannot be parsed; `placeholder` is the 1-based number of the bad one. */
export class TemplateError extends Error {
  constructor(
    readonly placeholder: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A rendered value too large to use (see templateLimits.maxRenderedChars). */
export class RenderLimitError extends Error {
  constructor(readonly chars: number) {
    super(`the rendered text has more than ${templateLimits.maxRenderedChars} characters`);
    this.name = new.target.name;
  }
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

/** Splits a template into text and placeholders; throws {@link TemplateError} (never echoing the text). */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const placeholders: Placeholder[] = [];
  let literal = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open === -1) break;
    if (open > at) parts.push(text.slice(at, open));
    literal += text.slice(at, open);
    const number = placeholders.length + 1;
    const close = text.indexOf('}}', open + 2);
    if (close === -1) throw new TemplateError(number, `placeholder ${number} is not closed with }}`);
    const path = text.slice(open + 2, close).trim();
    if (!PATH.test(path)) throw new TemplateError(number, `placeholder ${number} is not a reference such as {{input.question}} or {{step.field}}`);
    if (number > templateLimits.maxPlaceholders) throw new TemplateError(number, `more than ${templateLimits.maxPlaceholders} placeholders`);
    const placeholder = { path: path.split('.') };
    parts.push(placeholder);
    placeholders.push(placeholder);
    at = close + 2;
  }
  if (at < text.length) parts.push(text.slice(at));
  literal += text.slice(at);
  return { parts, placeholders, literal, lone: placeholders.length === 1 && literal.trim() === '' };
}

/** How a value reads inside text: strings as they are, nothing as empty, anything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The value at a placeholder's path, or undefined. Array elements are named by their index. */
export type Lookup = (path: readonly string[]) => unknown;

/** The value under `path` inside `value` (object keys and array indexes), or undefined. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** The template as text; throws {@link RenderLimitError} past the size limit. */
export function renderTemplate(template: ParsedTemplate, lookup: Lookup): string {
  let out = '';
  for (const part of template.parts) {
    out += typeof part === 'string' ? part : formatValue(lookup(part.path));
    if (out.length > templateLimits.maxRenderedChars) throw new RenderLimitError(out.length);
  }
  return out;
}

/** A lone placeholder's value as it is (an object stays an object); any other template as text. */
export function resolveTemplate(template: ParsedTemplate, lookup: Lookup): unknown {
  const only = template.placeholders[0];
  if (template.lone && only) {
    const value = lookup(only.path);
    if (typeof value === 'string' && value.length > templateLimits.maxRenderedChars) throw new RenderLimitError(value.length);
    return value;
  }
  return renderTemplate(template, lookup);
}
