import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldInventory } from '../src/privacy/field-inventory';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// Every free-text string a route accepts must have a privacy decision (src/privacy/field-inventory.ts):
// this walks the served OpenAPI document, so a new route or field without one fails here.

type Schema = Record<string, unknown>;

let harness: PlatformHarness;
let document: {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
};
beforeAll(async () => {
  harness = await startPlatform('field-inventory');
  document = (await (await fetch(`${harness.api.url}/openapi.json`)).json()) as typeof document;
}, 60_000);
afterAll(() => harness?.close());

/** Paths of the free-text strings in a JSON Schema (`*` array element, `{}` record value, `{key}` record key, `**` anything below). */
function freeStrings(schema: Schema, defs: Record<string, Schema>, at: string, seen: ReadonlySet<string> = new Set()): string[] {
  const join = (segment: string) => (at ? `${at}.${segment}` : segment);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').at(-1)!;
    if (seen.has(name)) return [join('**')];
    return freeStrings(defs[name] ?? {}, defs, at, new Set([...seen, name]));
  }
  const out: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const variant of (schema[key] as Schema[] | undefined) ?? []) out.push(...freeStrings(variant, defs, at, seen));
  }
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('string') && schema.enum === undefined && schema.const === undefined) out.push(at);
  if (schema.properties)
    for (const [name, inner] of Object.entries(schema.properties as Record<string, Schema>)) out.push(...freeStrings(inner, defs, join(name), seen));
  if (schema.items && typeof schema.items === 'object') out.push(...freeStrings(schema.items as Schema, defs, join('*'), seen));
  const values = schema.additionalProperties;
  if (values && typeof values === 'object') {
    if (Object.keys(values).length === 0) out.push(join('**'));
    else out.push(...freeStrings(values as Schema, defs, join('{}'), seen));
    const keys = schema.propertyNames as Schema | undefined;
    if (!keys || (keys.enum === undefined && keys.const === undefined)) out.push(join('{key}'));
  }
  // `{}` accepts any JSON, strings anywhere below included.
  if (Object.keys(schema).filter((key) => key !== 'description').length === 0) out.push(join('**'));
  return [...new Set(out)];
}

/** Whether the inventory decides a path: the path itself, or a `**` entry above it. */
function decided(entry: Readonly<Record<string, string>>, path: string): boolean {
  if (entry[path]) return true;
  const segments = path.split('.');
  for (let i = segments.length; i >= 0; i--) if (entry[[...segments.slice(0, i), '**'].join('.')]) return true;
  return false;
}

describe('field inventory', () => {
  it('has a privacy decision for every free-text field and path parameter of every route', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const entry = fieldInventory[route] ?? {};
        const fields = [
          ...(operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => `params.${p.name}`),
          ...Object.values(operation.requestBody?.content ?? {}).flatMap(({ schema }) =>
            freeStrings(schema, (schema.$defs as Record<string, Schema>) ?? {}, ''),
          ),
        ];
        for (const field of fields) if (!decided(entry, field)) missing.push(`${route} ${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only routes that exist', () => {
    const routes = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    expect(Object.keys(fieldInventory).filter((route) => !routes.has(route))).toEqual([]);
  });
});
