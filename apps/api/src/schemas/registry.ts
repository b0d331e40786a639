import { z } from 'zod';

/** What /openapi.json says about a named schema: its component name and a description. */
export interface ComponentMeta {
  /** The name under `#/components/schemas/` (and of the type in @llmops/client). */
  id: string;
  description?: string;
  /** Example values (JSON Schema `examples`); the OpenAPI lint checks them against the schema. */
  examples?: unknown[];
}

const named: [z.ZodType, ComponentMeta][] = [];

/**
 * Names a schema for the OpenAPI document: wherever it is used it becomes a `$ref` to
 * `#/components/schemas/<id>`. Call once per schema, at module scope.
 */
export function component<T extends z.ZodType>(schema: T, meta: ComponentMeta): T {
  named.push([schema, meta]);
  return schema;
}

/**
 * A fresh registry holding every named schema, for `z.toJSONSchema({ metadata })`. Built per
 * document rather than using zod's global registry, which refuses an id registered twice.
 */
export function componentRegistry(): z.core.$ZodRegistry<ComponentMeta> {
  const registry = z.registry<ComponentMeta>();
  for (const [schema, meta] of named) registry.add(schema, meta);
  return registry;
}
