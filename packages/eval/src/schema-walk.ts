import { formatCount, gradeLimits } from './limits';

/** Something wrong with a schema, at a dotted path inside it ('' for the schema itself). */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** A regular expression written in a schema (`pattern` value or `patternProperties` key). */
export interface SchemaPattern {
  path: string;
  pattern: string;
}

export interface WalkedSchema {
  issues: SchemaIssue[];
  patterns: SchemaPattern[];
  /** A copy with `marker: true` in every subschema object, so validation can count each one it applies. */
  instrumented: Record<string, unknown>;
}

// Keywords whose value is one subschema, an array of them, or a map of them (drafts 7 to 2020-12).
const single = [
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'items',
];
const list = ['allOf', 'anyOf', 'oneOf', 'items', 'prefixItems'];
const map = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'];
// Those that apply their subschemas to the same value (the others step into the data or apply nothing).
const sameValue = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', 'dependencies']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSchema = (value: unknown) => isObject(value) || typeof value === 'boolean';
const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const toPointer = (path: readonly string[]) => path.map(escapeToken).join('/');

/**
 * Checks a JSON Schema document before ajv sees it: nesting and size (ajv recurses and would
 * overflow the stack), local `$ref`s only, each pointing at a subschema (so every recursion passes
 * through a counted subschema), no `$async`, no nested `$id`. Collects its patterns.
 */
export function walkSchema(schema: Record<string, unknown>, marker: string): WalkedSchema {
  const sizeIssue = schemaSizeIssue(schema);
  if (sizeIssue) return { issues: [sizeIssue], patterns: [], instrumented: {} };
  const instrumented = structuredClone(schema);
  // A root $id would register the schema in ajv under that id; only '#...' references are allowed, so it changes nothing.
  delete instrumented.$id;
  const issues: SchemaIssue[] = [];
  const patterns: SchemaPattern[] = [];
  const pointers = new Set<string>();
  const refs: { ref: unknown; path: string[]; from: string }[] = [];
  // Subschema pointer -> subschemas applied to the same value (a cycle here would recurse forever).
  const sameValueEdges = new Map<string, string[]>();
  const stack: { node: unknown; path: string[]; parent?: string; keyword?: string }[] = [{ node: instrumented, path: [] }];
  while (stack.length > 0) {
    const { node, path, parent, keyword: via } = stack.pop()!;
    const pointer = toPointer(path);
    pointers.add(pointer);
    if (parent !== undefined && via !== undefined && sameValue.has(via)) sameValueEdges.set(parent, [...(sameValueEdges.get(parent) ?? []), pointer]);
    if (!isObject(node)) continue;
    const at = (...more: string[]) => [...path, ...more].join('.');
    if ('$ref' in node) refs.push({ ref: node.$ref, path: [...path, '$ref'], from: pointer });
    if ('$async' in node) issues.push({ path: at('$async'), message: 'asynchronous schemas ($async) are not supported' });
    if ('$id' in node && path.length > 0) issues.push({ path: at('$id'), message: '$id inside a schema is not supported: point $ref at #/... instead' });
    if (typeof node.pattern === 'string') patterns.push({ path: at('pattern'), pattern: node.pattern });
    if (isObject(node.patternProperties))
      for (const key of Object.keys(node.patternProperties)) patterns.push({ path: at('patternProperties', key), pattern: key });
    const children: typeof stack = [];
    const child = (item: unknown, keyword: string, ...rest: string[]) => {
      if (isSchema(item)) children.push({ node: item, path: [...path, keyword, ...rest], parent: pointer, keyword });
    };
    for (const keyword of single) child(node[keyword], keyword);
    for (const keyword of list) {
      const value = node[keyword];
      if (Array.isArray(value)) value.forEach((item, index) => child(item, keyword, String(index)));
    }
    for (const keyword of map) {
      const value = node[keyword];
      if (isObject(value)) for (const [key, item] of Object.entries(value)) child(item, keyword, key);
    }
    // Reversed, so they are popped (and their issues reported) in document order.
    stack.push(...children.reverse());
    node[marker] = true;
  }
  for (const { ref, path, from } of refs) {
    const target = refTarget(ref, pointers);
    if (typeof target !== 'string') issues.push({ path: path.join('.'), message: target.problem });
    else sameValueEdges.set(from, [...(sameValueEdges.get(from) ?? []), target]);
  }
  const cycle = findCycle(sameValueEdges);
  if (cycle) {
    issues.push({
      path: '',
      message: `$ref cycle that never steps into the data would recurse forever: ${cycle.map((pointer) => `#/${pointer}`.replace(/\/$/, '')).join(' -> ')}`,
    });
  }
  if (patterns.length > gradeLimits.maxSchemaPatterns) {
    issues.push({ path: '', message: `schema holds ${formatCount(patterns.length)} patterns; the limit is ${formatCount(gradeLimits.maxSchemaPatterns)}` });
  }
  return { issues, patterns, instrumented };
}

/** The subschema pointer a $ref names, or why it cannot be followed. */
function refTarget(ref: unknown, pointers: ReadonlySet<string>): string | { problem: string } {
  if (typeof ref !== 'string') return { problem: '$ref must be a string' };
  if (ref === '#') return '';
  if (!ref.startsWith('#/')) return { problem: `$ref "${ref}" is not supported: only references into this schema (#/...) are` };
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(2));
  } catch {
    return { problem: `$ref "${ref}" is not a valid URI fragment` };
  }
  return pointers.has(pointer) ? pointer : { problem: `$ref "${ref}" does not point at a subschema of this schema` };
}

/** A cycle in `edges` as the pointers along it, or null (iterative depth-first search). */
function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const targets = edges.get(top.node) ?? [];
      if (top.next >= targets.length) {
        state.set(top.node, 'done');
        path.pop();
        continue;
      }
      const target = targets[top.next++]!;
      if (state.get(target) === 'open') {
        const from = path.findIndex((entry) => entry.node === target);
        return [...path.slice(from).map((entry) => entry.node), target];
      }
      if (!state.has(target)) {
        state.set(target, 'open');
        path.push({ node: target, next: 0 });
      }
    }
  }
  return null;
}

/** Depth and value count, without recursion: a 3,000-deep schema must not overflow the stack here either. */
export function schemaSizeIssue(schema: unknown): SchemaIssue | null {
  let nodes = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: schema, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++nodes > gradeLimits.maxSchemaNodes) return { path: '', message: `schema has more than ${formatCount(gradeLimits.maxSchemaNodes)} values` };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > gradeLimits.maxSchemaDepth) return { path: '', message: `schema nests deeper than ${gradeLimits.maxSchemaDepth} levels` };
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

/** Nesting depth of a parsed JSON value, stopping as soon as it exceeds `limit`. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
