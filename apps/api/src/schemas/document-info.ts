/** The prose parts of /openapi.json: what every client needs to know before the first call. */
export const documentInfo = {
  title: 'llmops platform API',
  version: '1.0.0',
  description: [
    'Submit LLM work as jobs (ingestion, batched inference with the semantic cache and RAG, evaluations, cache warming and calibration); read their state, progress, item results and usage.',
    '',
    "- **Auth**: every `/v1` route needs `Authorization: Bearer <api key>`; the key decides the tenant, and a tenant only sees its own jobs (another tenant's job id is a 404).",
    '- **Submissions** answer 202 with the job id and a `Location` header. `Idempotency-Key` makes a repeat return the first job (`Idempotent-Replayed: true`); the same key with another body is a 422; the same request still being created is a 409 with `Retry-After`.',
    '- **Limits** (TENANT_LIMITS, see `GET /v1/limits`): a request rate (429 + `Retry-After`), jobs at once and waiting bytes (429), work caps per request (413 naming the cap and the computed amount), budgets (402 with the estimate, cap, spent, held and left). Every submission body takes `maxCostUsd`, the most that job may spend.',
    '- **Errors** have one shape, `{error: {code, message, details?, requestId}}`; a 400 lists every wrong field by its path; no error echoes a submitted value or carries a stack. While Redis is unreachable every route answers 503 with `Retry-After`.',
    '- **Pages**: list and result routes take `?limit` and `?cursor`; pass `nextCursor` back until it is null.',
    '- **Personal data** is pseudonymized before it is stored or sent to a provider, and restored only for its owner (`/v1/inference/{id}/results`, `/v1/evaluations/{id}/results`, search hits).',
  ].join('\n'),
};

/** Tags by the first path segment after /v1 (and the operational routes). */
export const tags = [
  { name: 'jobs', description: 'Any job: state, progress, item results, events, cancellation' },
  { name: 'inference', description: 'Batched chat completions with PII pseudonymization, the semantic cache and optional RAG' },
  { name: 'collections', description: 'Document ingestion (a job) and synchronous search' },
  { name: 'evaluations', description: 'Graders, embedding similarity and LLM judges over N samples per case, compared with a baseline' },
  { name: 'cache', description: 'Semantic cache: warming, scheduled warming, statistics, threshold calibration' },
  { name: 'usage', description: 'The usage ledger and the tenant limits' },
  { name: 'operations', description: 'Health, readiness, metrics, Bull Board and this document' },
  {
    name: 'openai',
    description: "The OpenAI-compatible front door (`/openai/v1`): the official openai SDKs work against it unchanged; errors in OpenAI's shape",
  },
];

/** The tag of a path: `/v1/<tag>/...`; usage and limits share `usage`; anything unknown gets its own first segment. */
export function tagOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  if (segments[0] !== 'v1') return segments[0] === 'openai' ? 'openai' : 'operations';
  const first = segments[1] ?? 'operations';
  if (first === 'limits') return 'usage';
  return first;
}

/** What the event stream of a job sends, for its 200 response. */
export const eventStreamDescription = [
  'Server-sent events, each with an `id:` line and a JSON `data:` line. The first event is `state` (the job as GET /v1/jobs/{id} shows it);',
  'then `active` (`{id}`), `progress` (`{id, progress}`, in the order the worker reported it), and one final `completed` (`{id, result}`),',
  '`failed` (`{id, error: {message}}`) or `cancelled` (`{id}`), after which the stream ends. A comment line is sent every 15 s to keep',
  'proxies from closing it. After a disconnect, reconnect: the first event is again the current `state`, so nothing is lost.',
].join(' ');

/** Routes app.ts serves outside the route table. */
export const extraOperations = {
  '/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document (OpenAPI 3.1)',
      tags: ['operations'],
      security: [],
      responses: { 200: { description: 'the API contract', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
  '/admin/queues': {
    get: {
      operationId: 'getBullBoard',
      summary: 'Bull Board: every queue and job, read-only unless BULL_BOARD_WRITES (a web page)',
      tags: ['operations'],
      security: [{ admin: [] }],
      responses: {
        200: { description: 'the Bull Board page', content: { 'text/html': { schema: { type: 'string' } } } },
        401: {
          description: 'missing or wrong admin credentials (ADMIN_TOKEN)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  },
  '/metrics': {
    get: {
      operationId: 'getMetrics',
      summary: 'Prometheus metrics: queues, job durations, HTTP latency, cache, limits, usage; needs METRICS_TOKEN when it is set',
      tags: ['operations'],
      security: [{ metricsToken: [] }, {}],
      responses: {
        200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } },
        401: {
          description: 'METRICS_TOKEN is set and the request did not carry it',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  },
};
