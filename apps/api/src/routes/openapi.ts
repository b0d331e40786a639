import { z } from 'zod';
import type { RouteSpec } from './table';

/** The OpenAPI 3.1 document, built from the route table and the same zod schemas the API validates with. */
export function openApiDocument(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (route.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } } as never);
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(route.guard === 'public' ? { security: [] } : route.guard === 'admin' ? { security: [{ admin: [] }] } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries({ ...commonResponses(route), ...route.responses }).map(([status, description]) => [
          status,
          {
            description,
            ...(route.stream && status === '200' ? { content: { 'text/event-stream': { schema: { type: 'string' } } } } : {}),
            ...(Number(status) >= 400 && route.path !== '/readyz' ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'llmops platform API', version: '1.0.0', description: 'Submit LLM work as jobs; read state, progress and results.' },
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A tenant API key (API_KEYS / API_KEYS_FILE)' },
        admin: { type: 'http', scheme: 'basic', description: 'user admin, password ADMIN_TOKEN' },
      },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}

/** Every error body: a code, a message that never echoes input, the request id (also in X-Request-Id). */
const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', description: 'e.g. invalid_request, unauthorized, not_found, body_too_large, unsupported_media_type, unavailable, internal_error' },
        message: { type: 'string', description: 'what is wrong and where (field path, rule, limit); never the offending value' },
        details: { type: 'object', description: 'issues: [{path, message, limit?}] for 400s' },
        requestId: { type: 'string' },
      },
    },
  },
};

/** Answers every route of a kind can give, whatever its own table says (the route's entries win). */
function commonResponses(route: RouteSpec): Record<number, string> {
  const out: Record<number, string> = {};
  if (route.guard === 'tenant') Object.assign(out, { 401: 'missing or unknown API key', 503: 'Redis unreachable: retry after Retry-After seconds' });
  if (route.method === 'post') {
    Object.assign(out, {
      400: 'malformed JSON, invalid UTF-8, nesting past 32 levels, or a wrong field (named by its path)',
      413: "body over the route's limit (BODY_LIMIT)",
      415: 'body is not application/json',
    });
  }
  return out;
}

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
