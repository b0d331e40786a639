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
        Object.entries(route.responses).map(([status, description]) => [
          status,
          { description, ...(route.stream && status === '200' ? { content: { 'text/event-stream': { schema: { type: 'string' } } } } : {}) },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'llmops platform API', version: '1.0.0', description: 'Submit LLM work as jobs; read state, progress and results.' },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A tenant API key (API_KEYS / API_KEYS_FILE)' },
        admin: { type: 'http', scheme: 'basic', description: 'user admin, password ADMIN_TOKEN' },
      },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
