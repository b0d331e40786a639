import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy, redact } from '@llmops/pii';
import { dumpValues, waitFor } from '@llmops/testing';
import { plant, leaked, readTree, type Canary } from './fixtures/canaries';
import { auth, json, keys, redisUrl, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// Issue 12's canary table: for every free-text field of every route and every disguise, the canary is
// absent from every Redis key and value, the provider's request log, the vector files, /metrics and
// the debug logs of the API and the worker -- and present where its owner reads results.

let harness: PlatformHarness;
let workerLog = '';
const planted: Canary[] = [];
/** Canaries the owner must get back, and where: label -> text the owner read. */
const ownerReads = new Map<string, string>();

const field = (name: string) => {
  const { text, canaries } = plant(name);
  planted.push(...canaries);
  return { text, canaries };
};

const post = async (path: string, body: unknown, contentType = 'application/json') => {
  const response = await fetch(`${harness.api.url}${path}`, {
    method: 'POST',
    headers: { ...json(keys.alice), 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const payload = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(payload)).toBe(202);
  return payload.id;
};
const read = async (path: string) => {
  const response = await fetch(`${harness.api.url}${path}`, { headers: auth(keys.alice) });
  expect(response.status).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
};
const completed = (id: string) =>
  waitFor(
    async () => {
      const view = (await read(`/v1/jobs/${id}`)) as { state: string; error: unknown };
      if (view.state === 'failed') throw new Error(`job ${id} failed: ${JSON.stringify(view.error)}`);
      return view.state === 'completed' || undefined;
    },
    { what: `job ${id} completed`, timeoutMs: 120_000 },
  );

beforeAll(async () => {
  harness = await startPlatform('pii-canary', { env: { LOG_LEVEL: 'debug' }, captureApiLog: true });
  const worker = await harness.startWorker({ LOG_LEVEL: 'debug' });
  worker.stdout?.on('data', (chunk: Buffer) => (workerLog += chunk.toString()));
  worker.stderr?.on('data', (chunk: Buffer) => (workerLog += chunk.toString()));

  // Inference: the prompt; the simulator repeats every pseudonym it gets, so the owner reads them back.
  const prompt = field('inference.items.messages.content');
  const inference = await post('/v1/inference', {
    model: 'gpt-4o-mini',
    parameters: { temperature: 0 },
    items: [{ id: 'q1', messages: [{ role: 'user', content: prompt.text }] }],
  });

  // Warming: system prompt and queries.
  const system = field('cache.warm.system');
  const query = field('cache.warm.queries');
  const warm = await post('/v1/cache/warm', { model: 'gpt-4o-mini', system: system.text, queries: [query.text] });

  // Evaluation with given outputs: expected, context, output, a contains value and rubric criteria.
  const expected = field('evaluations.cases.expected');
  const context = field('evaluations.cases.context');
  const output = field('evaluations.cases.output');
  const contains = field('evaluations.graders.value');
  const criteria = field('evaluations.graders.rubric.criteria');
  const graded = await post('/v1/evaluations', {
    cases: [{ id: 'c1', input: 'What is the refund policy?', expected: expected.text, context: context.text, output: output.text }],
    graders: [
      { type: 'contains', value: contains.text },
      { type: 'rubric', rubric: { name: 'custom', criteria: criteria.text, reference: 'context' } },
    ],
  });

  // Evaluation with generated outputs: the input and the system prompt go to the provider.
  const input = field('evaluations.cases.input');
  const generateSystem = field('evaluations.generate.system');
  const generated = await post('/v1/evaluations', {
    cases: [{ id: 'c1', input: input.text }],
    generate: { model: 'gpt-4o-mini', system: generateSystem.text, temperature: 0 },
    graders: [{ type: 'json' }],
  });

  // Cache calibration: both sides of a pair go to the embeddings endpoint.
  const a = field('cache.calibrations.pairs.a');
  const b = field('cache.calibrations.pairs.b');
  const calibration = await post('/v1/cache/calibrations', {
    pairs: [
      { a: a.text, b: b.text, same: true },
      { a: 'weather today', b: 'stock prices', same: false },
    ],
  });

  // Ingestion (JSON and NDJSON): document text and metadata values.
  const documentText = field('collections.documents.text');
  const metadata = field('collections.documents.metadata');
  const ndjsonText = field('collections.documents.ndjson.text');
  const ingested = await post('/v1/collections/canary-notes/documents', {
    documents: [{ id: 'doc-1', text: documentText.text, metadata: { owner: metadata.text } }],
  });
  const ndjson = await post('/v1/collections/canary-notes/documents', `${JSON.stringify({ id: 'doc-2', text: ndjsonText.text })}\n`, 'application/x-ndjson');

  for (const id of [inference, warm, graded, generated, calibration, ingested, ndjson]) await completed(id);

  // Search: the query and a filter value are pseudonymized before they reach the provider or the store.
  const searchQuery = field('collections.search.query');
  const filterValue = field('collections.search.filter.eq');
  const search = async (body: unknown) => {
    const response = await fetch(`${harness.api.url}/v1/collections/canary-notes/search`, {
      method: 'POST',
      headers: json(keys.alice),
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { hits: { text: string; metadata: Record<string, unknown> }[] };
  };
  const hits = await search({ query: searchQuery.text, topK: 10 });
  await search({ query: 'notes', topK: 10, filter: { field: 'metadata.owner', eq: filterValue.text } });

  // What the owner reads back.
  const answers = (await read(`/v1/inference/${inference}/results`)) as { items: { answer: string }[] };
  const gradedResults = (await read(`/v1/evaluations/${graded}/results`)) as { items: { result: { output: string } }[] };
  const generatedResults = (await read(`/v1/evaluations/${generated}/results`)) as { items: { result: { output: string } }[] };
  ownerReads.set('inference.items.messages.content', answers.items.map((item) => item.answer).join('\n'));
  ownerReads.set('evaluations.cases.output', gradedResults.items.map((item) => item.result.output).join('\n'));
  ownerReads.set('evaluations.cases.input', generatedResults.items.map((item) => item.result.output).join('\n'));
  const searched = JSON.stringify(hits.hits);
  ownerReads.set('collections.documents.text', searched);
  ownerReads.set('collections.documents.metadata', searched);
  ownerReads.set('collections.documents.ndjson.text', searched);
}, 240_000);
afterAll(() => harness?.close());

describe('PII canaries in every field and disguise', () => {
  it('every planted canary is something the detectors recognise (the test plants real PII)', () => {
    const missed = planted.filter((canary) => canary.needles.some((needle) => redact(canary.text, defaultPolicy).text.includes(needle)));
    expect(missed.map((canary) => canary.form)).toEqual([]);
    expect(planted.length).toBeGreaterThanOrEqual(17 * 10);
  });

  it('no canary in any Redis key or value', async () => {
    expect(leaked(planted, await dumpValues(redisUrl, harness.prefix))).toEqual([]);
  });

  it("no canary in the provider's request log", () => {
    const sent = harness.simulator.log
      .list()
      .map((entry) => JSON.stringify(entry.body))
      .join('\n');
    expect(sent).toContain('<EMAIL_');
    // JSON escaping aside, check the raw bodies too.
    expect(leaked(planted, sent)).toEqual([]);
    expect(
      leaked(
        planted,
        JSON.parse(
          `[${harness.simulator.log
            .list()
            .map((entry) => JSON.stringify(JSON.stringify(entry.body)))
            .join(',')}]`,
        ).join('\n'),
      ),
    ).toEqual([]);
  });

  it('no canary in the vector store files', () => {
    expect(leaked(planted, readTree(harness.vectorDir))).toEqual([]);
  });

  it('no canary in /metrics', async () => {
    expect(leaked(planted, await (await fetch(`${harness.api.url}/metrics`)).text())).toEqual([]);
  });

  it('no canary in the debug logs of the API and the worker', () => {
    expect(workerLog.length).toBeGreaterThan(0);
    expect(harness.apiLog()).toContain('"level":20');
    expect(leaked(planted, workerLog)).toEqual([]);
    expect(leaked(planted, harness.apiLog())).toEqual([]);
  });

  it('the owner reads every canary back where results are shown, exactly as written', () => {
    const missing: string[] = [];
    for (const [name, text] of ownerReads) {
      for (const canary of planted.filter((c) => c.field === name)) if (!text.includes(canary.original)) missing.push(`${canary.field}/${canary.form}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('identifiers that carry personal data are refused', () => {
  const card = '4000 0000 0000 0002';
  it.each([
    [
      'an inference item id',
      '/v1/inference',
      { model: 'gpt-4o-mini', items: [{ id: '4000000000000002', messages: [{ role: 'user', content: 'hi' }] }] },
      'body.items.0.id',
    ],
    [
      'an evaluation case id',
      '/v1/evaluations',
      {
        cases: [
          { id: 'jane.doe@example.com'.replace('@', '.'), input: 'x', output: 'y' },
          { id: '4000000000000002', input: 'x', output: 'y' },
        ],
        graders: [{ type: 'json' }],
      },
      'body.cases.1.id',
    ],
    ['a document id', '/v1/collections/notes/documents', { documents: [{ id: '4000000000000002', text: 'hello' }] }, 'body.documents.0.id'],
    [
      'a metadata key',
      '/v1/collections/notes/documents',
      { documents: [{ id: 'd1', text: 'hello', metadata: { ['card_4000000000000002']: 1 } }] },
      'body.documents.0.metadata',
    ],
    [
      'a regex pattern',
      '/v1/evaluations',
      { cases: [{ id: 'c', input: 'x', output: 'y' }], graders: [{ type: 'regex', pattern: `^${card}$` }] },
      'body.graders.0.pattern',
    ],
    ['a collection name', '/v1/collections/4000000000000002/documents', { documents: [{ id: 'd1', text: 'hello' }] }, 'params.name'],
  ])('%s', async (_what, path, body, fieldPath) => {
    const response = await fetch(`${harness.api.url}${path}`, { method: 'POST', headers: json(keys.alice), body: JSON.stringify(body) });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(text).toContain(fieldPath);
    expect(text).not.toContain('4000000000000002');
  });
});
