import { z } from 'zod';
import { componentRegistry } from './registry';

export type JsonSchema = Record<string, unknown>;

const DEFS = '#/$defs/';
const COMPONENTS = '#/components/schemas/';

/**
 * Converts zod schemas into the OpenAPI document's JSON Schemas. zod writes named schemas (see
 * registry.ts) and recursive parts into a local `$defs`, whose `#/$defs/...` references would
 * resolve against the document root and dangle; they are moved into `components.schemas` and the
 * references rewritten, so every `$ref` in the document resolves.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};
  /** Names that had to be changed because two different schemas claimed one (a test keeps this empty). */
  readonly renamed: string[] = [];
  private readonly registry = componentRegistry();

  /**
   * The JSON Schema of `schema` as a request (`input`: defaults make fields optional, coercions show
   * what is sent) or a response (`output`). `owner` names anonymous recursive parts (`<owner>Part0`).
   */
  convert(schema: z.ZodType, io: 'input' | 'output', owner: string): JsonSchema {
    const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', metadata: this.registry }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = generated;
    const defs = ($defs ?? {}) as Record<string, JsonSchema>;
    const names = new Map<string, string>();
    for (const name of Object.keys(defs)) names.set(name, name.startsWith('__schema') ? `${owner}Part${name.slice('__schema'.length)}` : name);
    for (const [name, def] of Object.entries(defs)) {
      const wanted = names.get(name)!;
      const body = rewriteRefs(def, names) as JsonSchema;
      const existing = this.schemas[wanted];
      if (existing === undefined || sameJson(existing, body)) {
        this.schemas[wanted] = body;
        continue;
      }
      // Never fail the API's boot over documentation: keep both, under a second name.
      const other = `${wanted}_${io}`;
      this.renamed.push(wanted);
      this.schemas[other] = body;
      names.set(name, other);
    }
    return rewriteRefs(root, names) as JsonSchema;
  }

  /** A `$ref` to a named schema (converting it on first use). */
  ref(schema: z.ZodType, owner: string): JsonSchema {
    return this.convert(schema, 'output', owner);
  }
}

function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((inner) => rewriteRefs(inner, names));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith(DEFS)) {
      const name = inner.slice(DEFS.length);
      out[key] = `${COMPONENTS}${names.get(name) ?? name}`;
    } else {
      out[key] = rewriteRefs(inner, names);
    }
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
