import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';

/** `<repo>/../shared/reference/...`: read in place, never copied into the repo. */
export const QDRANT_OPENAPI_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/reference/qdrant-openapi-v1.19.json');

interface Operation {
  requestBody?: { content?: { 'application/json'?: { schema?: object } } };
  responses?: Record<string, { content?: { 'application/json'?: { schema?: object } } }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: unknown;
}

/**
 * OpenAPI 3.0 `nullable` -> JSON Schema: `{nullable: true}` alone (Qdrant's "or null" branch of an
 * anyOf) becomes `{type: 'null'}`; with other keywords but no `type` it becomes `anyOf [rest, null]`.
 */
export function openApiNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApiNullable);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = openApiNullable(v);
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _n, description: _d, default: _def, ...rest } = out;
    if (Object.keys(rest).length === 0) return { type: 'null' };
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

export interface Route {
  template: string;
  method: string;
  params: Record<string, string>;
  validateBody?: ValidateFunction;
  validateResponse?: ValidateFunction;
}

/** Matches requests to the schema's operations and validates bodies with the schema's components. */
export class OpenApiValidator {
  readonly #routes: { regex: RegExp; names: string[]; template: string; method: string; op: Operation }[] = [];
  readonly #ajv: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDoc & Record<string, unknown>) {
    // strict off: OpenAPI 3.0 uses `nullable` without `type` and `example` keywords.
    this.#ajv = new Ajv({ strict: false, allErrors: false });
    (addFormatsImport as unknown as (ajv: Ajv) => void)(this.#ajv);
    for (const f of ['uint', 'uint8', 'uint32', 'uint64', 'int64', 'float', 'double', 'partial-date-time', 'binary']) {
      this.#ajv.addFormat(f, true);
    }
    this.#ajv.addSchema({ $id: 'qdrant', components: openApiNullable(doc.components) });
    for (const [template, methods] of Object.entries(doc.paths)) {
      const names: string[] = [];
      const regex = new RegExp(
        `^${template.replace(/\{([^}]+)\}/g, (_, n: string) => {
          names.push(n);
          return '([^/]+)';
        })}$`,
      );
      for (const [method, op] of Object.entries(methods)) this.#routes.push({ regex, names, template, method: method.toUpperCase(), op });
    }
    // Literal paths (".../points/delete") must win over templates ("/collections/{name}").
    this.#routes.sort((a, b) => a.names.length - b.names.length);
  }

  static load(path = QDRANT_OPENAPI_PATH): OpenApiValidator | undefined {
    if (!existsSync(path)) return undefined;
    return new OpenApiValidator(JSON.parse(readFileSync(path, 'utf8')) as OpenApiDoc & Record<string, unknown>);
  }

  #compile(key: string, schema: object | undefined): ValidateFunction | undefined {
    if (schema === undefined) return undefined;
    let fn = this.#compiled.get(key);
    if (!fn) {
      // Refs in the operation are document-relative ("#/components/..."): rebase them onto the document id.
      const rebased = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"qdrant#/components/')) as object;
      fn = this.#ajv.compile(openApiNullable(rebased) as object);
      this.#compiled.set(key, fn);
    }
    return fn;
  }

  match(method: string, path: string): Route | undefined {
    for (const r of this.#routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(path);
      if (!m) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      const key = `${method} ${r.template}`;
      return {
        template: r.template,
        method,
        params,
        validateBody: this.#compile(`${key} body`, r.op.requestBody?.content?.['application/json']?.schema),
        validateResponse: this.#compile(`${key} 200`, r.op.responses?.['200']?.content?.['application/json']?.schema),
      };
    }
    return undefined;
  }
}
