import type { RouteSpec } from './route-spec';
import { documentInfo, eventStreamDescription, extraOperations, tagOf, tags } from '../schemas/document-info';
import { BudgetExceededError, ErrorBody, OpenAiError, TooLargeError, TooManyRequestsError } from '../schemas/errors';
import { requestExamples } from '../schemas/examples';
import { SchemaComponents, type JsonSchema } from '../schemas/json-schema';

type Operation = Record<string, unknown>;

export interface OpenApiOptions {
  /** Filled in by the document; a test reads it to see that no schema name was claimed twice. Default: none. */
  components?: SchemaComponents;
}

/**
 * The OpenAPI 3.1 document, built from the route table: request bodies and query parameters from the
 * same zod schemas the handlers validate with, responses from the routes' `response` schemas, errors
 * from the one error envelope (402/413/429 with their numbers). It lints clean with `redocly lint`
 * (apps/api/test/openapi-lint.test.ts); @llmops/client's types are generated from it.
 */
export function openApiDocument(routes: readonly RouteSpec[], options: OpenApiOptions = {}): Record<string, unknown> {
  const components = options.components ?? new SchemaComponents();
  const errorRefs: Record<number, JsonSchema> = {
    402: components.ref(BudgetExceededError, 'Error'),
    413: components.ref(TooLargeError, 'Error'),
    429: components.ref(TooManyRequestsError, 'Error'),
  };
  const errorRef = components.ref(ErrorBody, 'Error');
  const openAiErrorRef = components.ref(OpenAiError, 'Error');
  const paths: Record<string, Record<string, Operation>> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    let operationId = route.operationId ?? derivedOperationId(route);
    // Two routes claiming one name would make the document invalid: the later one keeps its derived name.
    if (operationIds.has(operationId)) operationId = derivedOperationId(route);
    operationIds.add(operationId);
    const owner = operationId.charAt(0).toUpperCase() + operationId.slice(1);
    const parameters = [...pathParameters(route), ...queryParameters(route, components, owner), ...headerParameters(route)];
    const example = requestExamples[operationId];
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId,
      summary: route.summary,
      tags: [tagOf(route.path)],
      ...(parameters.length ? { parameters } : {}),
      ...(route.guard === 'public' ? { security: [] } : route.guard === 'admin' ? { security: [{ admin: [] }] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              ...(route.accepts?.includes('application/x-ndjson')
                ? {
                    description:
                      'JSON as below, or `application/x-ndjson`: one element of `documents` per line, with `model` and `maxCostUsd` as query parameters.',
                  }
                : {}),
              content: { 'application/json': { schema: components.convert(route.body, 'input', owner), ...(example ? { example } : {}) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries({ ...commonResponses(route), ...route.responses }).map(([status, description]) => [
          status,
          response(
            route,
            Number(status),
            description,
            components,
            owner,
            route.path.startsWith('/openai/') ? openAiErrorRef : (errorRefs[Number(status)] ?? errorRef),
          ),
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: documentInfo,
    servers: [{ url: '/', description: 'the API that served this document' }],
    tags: usedTags(paths),
    security: [{ apiKey: [] }],
    paths: { ...paths, ...extraOperations },
    components: {
      schemas: components.schemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: "A tenant's API key (API_KEYS / API_KEYS_FILE); it decides the tenant" },
        admin: { type: 'http', scheme: 'basic', description: 'user admin, password ADMIN_TOKEN (or Bearer ADMIN_TOKEN)' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when it is set' },
      },
    },
  };
}

function response(
  route: RouteSpec,
  status: number,
  description: string,
  components: SchemaComponents,
  owner: string,
  errorRef: JsonSchema,
): Record<string, unknown> {
  const schema = route.response?.[status];
  const headers = responseHeaders(route, status);
  const withHeaders = headers ? { headers } : {};
  if (schema) return { description, ...withHeaders, content: { 'application/json': { schema: components.convert(schema, 'output', owner) } } };
  if (route.stream && status === 200)
    return { description, content: { 'text/event-stream': { schema: { type: 'string', description: eventStreamDescription } } } };
  if (status >= 400) return { description, ...withHeaders, content: { 'application/json': { schema: errorRef } } };
  return { description, ...withHeaders };
}

const retryAfter = { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } };

function responseHeaders(route: RouteSpec, status: number): Record<string, unknown> | undefined {
  if (status === 429 || status === 503 || (status === 409 && route.idempotent)) return { 'Retry-After': retryAfter };
  if (status === 202 && route.idempotent) {
    return {
      Location: { description: 'Where to poll the job (GET /v1/jobs/{id})', schema: { type: 'string' } },
      'Idempotent-Replayed': {
        description: '`true` when an earlier request with this Idempotency-Key made the job',
        schema: { type: 'string', enum: ['true'] },
      },
    };
  }
  return undefined;
}

/** Answers every route of a kind can give, whatever its own table says (the route's entries win). */
function commonResponses(route: RouteSpec): Record<number, string> {
  const out: Record<number, string> = {};
  const hasParams = route.path.includes(':');
  if (hasParams || route.query) out[400] = 'a wrong path or query parameter (named by its path)';
  if (hasParams) out[404] = 'not found for this tenant';
  if (route.guard === 'tenant') {
    Object.assign(out, {
      401: 'missing or unknown API key',
      429: "over the tenant's request rate: retry after Retry-After seconds",
      503: 'Redis unreachable: retry after Retry-After seconds',
    });
  }
  if (route.method === 'post') {
    Object.assign(out, {
      400: 'malformed JSON, invalid UTF-8, nesting past 32 levels, or a wrong field (named by its path)',
      413: "body over the route's limit (BODY_LIMIT)",
      415: 'body is not application/json',
    });
  }
  if (route.idempotent) {
    Object.assign(out, {
      402: "a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left",
      409: 'the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job',
      413: "body over the route's limit (BODY_LIMIT), or the work asked for is over a cap (work.*): the cap and the computed amount",
      422: 'Idempotency-Key reused with a different body',
      429: "over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After",
    });
  }
  return out;
}

function pathParameters(route: RouteSpec): Record<string, unknown>[] {
  return [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string', maxLength: 256 },
    ...(match[1] === 'id' && route.path.startsWith('/v1/collections') ? { description: 'document id' } : {}),
    ...(match[1] === 'id' && !route.path.startsWith('/v1/collections') ? { description: 'job id (from the 202 of its submission)' } : {}),
    ...(match[1] === 'name' ? { description: "collection name (the caller's own)" } : {}),
  }));
}

function queryParameters(route: RouteSpec, components: SchemaComponents, owner: string): Record<string, unknown>[] {
  if (!route.query) return [];
  const schema = components.convert(route.query, 'input', `${owner}Query`);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.has(name), schema: property }));
}

function headerParameters(route: RouteSpec): Record<string, unknown>[] {
  if (!route.idempotent) return [];
  return [
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    },
  ];
}

/** `GET /v1/jobs/:id/results` -> `getJobsByIdResults`: unique because method and path are. */
export function derivedOperationId(route: Pick<RouteSpec, 'method' | 'path'>): string {
  const words = route.path
    .split('/')
    .filter((segment) => segment && segment !== 'v1')
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return route.method + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** The tags operations use, described; a family added later gets a plain description until it has one. */
function usedTags(paths: Record<string, Record<string, Operation>>): { name: string; description: string }[] {
  const used = new Set(
    [...Object.values(paths), ...Object.values(extraOperations)].flatMap((operations) =>
      Object.values(operations).flatMap((operation) => operation.tags as string[]),
    ),
  );
  const known = tags.filter((tag) => used.has(tag.name));
  const others = [...used].filter((name) => !tags.some((tag) => tag.name === name)).map((name) => ({ name, description: `Routes under /v1/${name}` }));
  return [...known, ...others];
}
