import { Ajv2020 } from 'ajv/dist/2020';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type JobEvent, type LlmopsClient } from '@llmops/client';
import { generateTypes } from '@llmops/client/codegen';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// @llmops/client against the real platform, and every body it gets checked against the schema the
// served /openapi.json gives for that route and status: the document describes what the API answers.

const generated = fileURLToPath(new URL('../../../packages/client/src/generated/openapi.ts', import.meta.url));
const tenants = { carol: 'carol-key-0123456789', dave: 'dave-key-0123456789' };
const limits = JSON.stringify({
  carol: { budget: { day: { usd: '0.000001' } }, work: { maxItemsPerJob: 2 } },
  dave: { rate: { perSecond: 0.01, burst: 2 } },
});

let harness: PlatformHarness;
let document: Record<string, unknown>;
let alice: LlmopsClient;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** The schema errors of `value` against a component of the served document (empty: it conforms). */
function violations(component: string, value: unknown): string[] {
  const validate = ajv.getSchema(`openapi#/components/schemas/${component}`);
  if (!validate) throw new Error(`no component ${component}`);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** A raw error body, for checking it against the document (the client turns it into an ApiError). */
async function rawError(path: string, key: string, body: unknown): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(`${harness.api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') };
}

const item = (id: string, content: string) => ({ id, messages: [{ role: 'user' as const, content }] });

beforeAll(async () => {
  harness = await startPlatform('openapi-client', { tenants, env: { TENANT_LIMITS: limits } });
  await harness.startWorker();
  document = (await (await fetch(`${harness.api.url}/openapi.json`)).json()) as Record<string, unknown>;
  ajv.addSchema(document, 'openapi');
  alice = createClient({ baseUrl: harness.api.url, apiKey: keys.alice });
}, 90_000);
afterAll(() => harness?.close());

describe('@llmops/client', () => {
  it('has types generated from the document the API serves (update: vitest -u)', async () => {
    await expect(await generateTypes(document)).toMatchFileSnapshot(generated);
  });

  it('ingests, infers and follows a job to its end; every body matches the document', async () => {
    const ingest = await alice.collections.ingest('handbook', {
      documents: [{ id: 'leave', text: 'Employees accrue 2 days of leave per month. Questions: hr@acme.example' }],
    });
    expect(violations('IngestAccepted', ingest)).toEqual([]);
    const ingested = await alice.jobs.wait(ingest.id);
    expect(ingested.state).toBe('completed');
    expect(violations('JobDetail', ingested)).toEqual([]);
    const hits = await alice.collections.search('handbook', { query: 'how much leave?', topK: 1 });
    expect(hits.hits[0]?.text).toContain('hr@acme.example');
    expect(violations('SearchResult', hits)).toEqual([]);
    expect(violations('CollectionList', { collections: await alice.collections.list() })).toEqual([]);

    const body = {
      model: 'gpt-4o-mini',
      items: [item('a', 'How much leave? Write to jane@acme.example'), item('b', 'How much leave?'), item('c', 'How much leave?')],
      rag: { collection: 'handbook', topK: 1, maxContextTokens: 500 },
    };
    const first = await alice.inference.submit(body, { idempotencyKey: 'client-test-1' });
    const again = await alice.inference.submit(body, { idempotencyKey: 'client-test-1' });
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(violations('InferenceAccepted', first)).toEqual([]);

    const events: JobEvent['type'][] = [];
    const done = await alice.jobs.wait(first.id, { onEvent: (event) => void events.push(event.type) });
    expect(events[0]).toBe('state');
    expect(events.at(-1)).toBe('completed');
    expect(done.result).toMatchObject({ items: 3, answered: 3 });
    expect(violations('JobDetail', done)).toEqual([]);

    const answers = [];
    for await (const answer of alice.inference.results(first.id, { limit: 2 })) answers.push(answer);
    expect(answers.map((answer) => answer.id)).toEqual(['a', 'b', 'c']);
    expect(violations('InferenceResultPage', { items: answers, nextCursor: null })).toEqual([]);
    const stored = [];
    for await (const result of alice.jobs.results(first.id, { limit: 1 })) stored.push(result);
    expect(stored).toHaveLength(3);
    expect(violations('ResultPage', { items: stored, nextCursor: null })).toEqual([]);

    const listed = [];
    for await (const job of alice.jobs.list({ limit: 1 })) listed.push(job.id);
    expect(listed).toEqual(expect.arrayContaining([first.id, ingest.id]));
    const usage = await alice.usage();
    expect(usage.totals.requests).toBeGreaterThan(0);
    expect(violations('Usage', usage)).toEqual([]);
    expect(violations('Limits', await alice.limits())).toEqual([]);
    expect(violations('CacheStats', await alice.cache.stats())).toEqual([]);
    expect(violations('Health', await alice.health())).toEqual([]);
    expect(violations('Readiness', await alice.ready())).toEqual([]);
    expect(violations('CacheSettings', await alice.cache.getSettings())).toEqual([]);
    expect(violations('PipelineDefinitionList', { definitions: await alice.pipelines.listDefinitions() })).toEqual([]);
    expect(violations('TunedModelList', { models: await alice.fineTunes.models() })).toEqual([]);

    const cancel = await alice.jobs.cancel(first.id).catch((error: unknown) => error);
    expect(cancel).toBeInstanceOf(ApiError);
    expect(cancel).toMatchObject({ kind: 'conflict', status: 409, code: 'job_finished' });
    await expect(createClient({ baseUrl: harness.api.url, apiKey: keys.bob }).jobs.get(first.id)).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('refusals by a limit: the client surfaces their numbers, the bodies match the document', async () => {
    const carol = createClient({ baseUrl: harness.api.url, apiKey: tenants.carol, retry: { retries: 0 } });
    const budget = await carol.inference.submit({ model: 'gpt-4o-mini', items: [item('a', 'hello there')] }).catch((error: unknown) => error);
    expect(budget).toMatchObject({ kind: 'budget', status: 402, code: 'budget_exceeded', details: { limit: 'budget.day.usd', cap: '0.000001000' } });
    const raw402 = await rawError('/v1/inference', tenants.carol, { model: 'gpt-4o-mini', items: [item('a', 'hello there')] });
    expect(violations('BudgetExceededError', raw402.body)).toEqual([]);

    const work = await rawError('/v1/inference', tenants.carol, { model: 'gpt-4o-mini', items: [item('a', 'x'), item('b', 'y'), item('c', 'z')] });
    expect(work.status).toBe(413);
    expect(work.body).toMatchObject({ error: { code: 'work_too_large', details: { limit: 'work.maxItemsPerJob', cap: 2, requested: 3 } } });
    expect(violations('TooLargeError', work.body)).toEqual([]);

    const invalid = await rawError('/v1/inference', tenants.carol, { model: 'gpt-4o-mini', items: [] });
    expect(invalid.status).toBe(400);
    expect(violations('Error', invalid.body)).toEqual([]);
    expect(violations('ValidationDetails', (invalid.body as { error: { details: unknown } }).error.details)).toEqual([]);

    // dave has a burst of 2 requests and refills one every 100 s: the third is a 429 with Retry-After.
    const dave = createClient({ baseUrl: harness.api.url, apiKey: tenants.dave, retry: { retries: 0 } });
    await dave.limits();
    await dave.limits();
    const rate = await dave.limits().catch((error: unknown) => error);
    expect(rate).toMatchObject({ kind: 'rate_limited', status: 429, code: 'rate_limited', details: { limit: 'rate', cap: 2 } });
    expect((rate as ApiError).retryAfterMs).toBeGreaterThan(0);
    const raw429 = await rawError('/v1/evaluations', tenants.dave, {});
    expect(raw429.status).toBe(429);
    expect(raw429.retryAfter).not.toBeNull();
    expect(violations('TooManyRequestsError', raw429.body)).toEqual([]);
  });

  it('accepts every example body of examples/ and of the document', async () => {
    const paths = document.paths as Record<string, Record<string, { requestBody?: { content: { 'application/json': { example?: unknown } } } }>>;
    const examples = Object.entries(paths).flatMap(([path, methods]) =>
      Object.values(methods).flatMap((operation) => {
        const example = operation.requestBody?.content['application/json']?.example;
        return example === undefined ? [] : [{ path, example }];
      }),
    );
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { path, example } of examples) {
      // Validation runs before any reference check: a 400 would name a wrong field.
      const response = await fetch(`${harness.api.url}${path.replace('{name}', 'handbook')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.alice}`, 'content-type': 'application/json' },
        body: JSON.stringify(example),
      });
      expect(`${path} ${response.status}`).toMatch(/ (200|202)$/);
    }
  });
});
