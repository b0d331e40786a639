import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countChatTokens, nanoToUsdString } from '@llmops/tokens';
import { waitFor } from '@llmops/testing';
import { getJson } from './fixtures/harness';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import type { Report } from './evaluation-helpers';
import { billedRequests, ended, send } from './pipeline-helpers';

let harness: PlatformHarness;
const canary = 'jane.canary@acme.example';
const simControl = (patch: Record<string, unknown>) =>
  fetch(`${harness.simulator.baseURL.replace(/\/v1$/, '')}/_sim/fine-tuning`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });

beforeAll(async () => {
  harness = await startPlatform('fine-tune');
  await simControl({ stepMs: 150 });
  // One fine-tune at a time per worker: a job waiting on the provider must not hold that slot.
  await harness.startWorker({ WORKER_CONCURRENCY: 'fine-tune=1' });
}, 60_000);
afterAll(() => harness?.close());

const pairs = Array.from({ length: 24 }, (_, i) => ({
  q: `What is the refund window for order type ${i}?${i === 3 ? ` Reply to ${canary}` : ''}`,
  a: `Orders of type ${i} can be refunded within ${10 + i} days (support policy ${i}).`,
}));
const example = ({ q, a }: { q: string; a: string }) => ({
  messages: [
    { role: 'system', content: 'You answer refund questions.' },
    { role: 'user', content: q },
    { role: 'assistant', content: a },
  ],
});
const jsonl = pairs.map((pair) => JSON.stringify(example(pair))).join('\n');
const calls = (path: string) => harness.simulator.log.list().filter((entry) => entry.path.startsWith(path));

describe('POST /v1/fine-tunes', () => {
  it('dry run: checks every example and estimates the training from the registry, before any spend', async () => {
    const dry = await send(harness, 'POST', '/v1/fine-tunes', {
      baseModel: 'gpt-4o-mini',
      dataset: { jsonl },
      epochs: 3,
      heldOut: { examples: 4 },
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    const tokens = pairs.slice(0, 20).reduce((sum, pair) => sum + countChatTokens(example(pair).messages, 'gpt-4o-mini'), 0);
    // $3.00 per million training tokens = 3,000 nano-dollars a token, for 3 epochs.
    expect(dry.body).toMatchObject({
      dryRun: true,
      examples: 24,
      trainingExamples: 20,
      heldOutExamples: 4,
      tokens: { dataset: tokens, training: tokens * 3 },
      trainingContextTokens: 65_536,
      estimate: { usd: nanoToUsdString(BigInt(tokens * 3 * 3_000)), trainingPerMTok: '3.00', epochs: 3 },
    });
    expect(calls('/v1/files')).toEqual([]);
    expect((await getJson(`${harness.api.url}/v1/jobs`, keys.alice)).body.jobs).toEqual([]);
  });

  it('exports a collection as a dataset: each chunk of the named documents is an example', async () => {
    const documents = Array.from({ length: 10 }, (_, i) => ({ id: `faq-${i}`, text: `Answer ${i}: refunds of category ${i} are paid within ${i + 3} days.` }));
    const ingest = await send(harness, 'POST', '/v1/collections/faq/documents', { documents });
    expect((await ended(harness, String(ingest.body.id))).state).toBe('completed');
    const dataset = { collection: 'faq', documentIds: documents.map((doc) => doc.id), prompt: 'What does {{documentId}} say?' };
    const dry = await send(harness, 'POST', '/v1/fine-tunes', { baseModel: 'gpt-4o-mini', dataset, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ examples: 10, trainingExamples: 10 });
    const unknown = await send(harness, 'POST', '/v1/fine-tunes', {
      baseModel: 'gpt-4o-mini',
      dataset: { ...dataset, documentIds: ['faq-1', 'nope'] },
      dryRun: true,
    });
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('body.dataset.documentIds.1');
    expect((await send(harness, 'POST', '/v1/fine-tunes', { baseModel: 'gpt-4o-mini', dataset, dryRun: true }, keys.bob)).status).toBe(404);
  });

  it('reports invalid examples by line, and refuses a model that cannot be fine-tuned', async () => {
    const lines = jsonl.split('\n');
    lines[1] = '{"messages": [{"role": "user", "content": "no answer"}]}';
    lines[4] = 'not json';
    lines[9] = lines[0]!;
    const bad = await send(harness, 'POST', '/v1/fine-tunes', { baseModel: 'gpt-4o-mini', dataset: { jsonl: lines.join('\n') } });
    expect(bad.status).toBe(400);
    const error = bad.body.error as { code: string; details: { issues: { line?: number; message: string }[] } };
    expect(error.code).toBe('invalid_dataset');
    expect(error.details.issues).toEqual([
      { path: 'body.dataset', line: 2, message: 'no assistant turn to learn from' },
      { path: 'body.dataset', line: 5, message: 'not valid JSON' },
      { path: 'body.dataset', line: 10, message: 'duplicates line 1' },
    ]);
    expect(JSON.stringify(bad.body)).not.toContain('refund window');
    const untunable = await send(harness, 'POST', '/v1/fine-tunes', { baseModel: 'o3', dataset: { jsonl } });
    expect(untunable.status).toBe(400);
    expect(JSON.stringify(untunable.body)).toContain('body.baseModel: not a fine-tunable model');
  });

  it('uploads, trains, follows, bills and registers; the tuned model answers inference for its tenant only; the held-out set is evaluated on base and tuned', async () => {
    const submitted = await send(harness, 'POST', '/v1/fine-tunes', {
      baseModel: 'gpt-4o-mini',
      dataset: { jsonl },
      epochs: 2,
      suffix: 'refunds',
      heldOut: { examples: 4 },
      pollIntervalMs: 200,
    });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body.id);
    const view = await ended(harness, id, 120_000);
    expect(view.state).toBe('completed');
    const result = view.result as {
      model: string;
      trainedTokens: number;
      costUsd: string;
      events: { message: string }[];
      evaluation: { base: string; tuned: string; skipped?: string };
    };
    expect(result.model).toMatch(/^ft:gpt-4o-mini:llm-simulator:refunds:/);
    expect(result.events.map((event) => event.message)).toEqual(expect.arrayContaining(['Fine-tuning job started', 'The job has successfully completed']));

    // The provider got the pseudonymized examples, never the canary; one provider job was created.
    const uploads = calls('/v1/files').filter((entry) => entry.method === 'POST');
    expect(uploads).toHaveLength(1);
    expect(JSON.stringify(uploads[0]!.body)).toContain('<EMAIL_');
    expect(JSON.stringify(harness.simulator.log.list().map((entry) => entry.body))).not.toContain(canary);
    expect(calls('/v1/fine_tuning/jobs').filter((entry) => entry.method === 'POST')).toHaveLength(1);

    // Billed once, at the trained tokens times the training price.
    const billed = await billedRequests(harness, 'fine-tune');
    expect(billed).toEqual({ requests: 1, inputTokens: result.trainedTokens, costNanoUsd: BigInt(result.trainedTokens * 3_000) });
    expect(result.costUsd).toBe(nanoToUsdString(BigInt(result.trainedTokens * 3_000)));

    expect(((await getJson(`${harness.api.url}/v1/fine-tunes/models`, keys.alice)).body.models as { model: string }[]).map((m) => m.model)).toEqual([
      result.model,
    ]);
    expect((await getJson(`${harness.api.url}/v1/fine-tunes/models`, keys.bob)).body.models).toEqual([]);

    const ask = (key: string) =>
      send(
        harness,
        'POST',
        '/v1/inference',
        {
          model: result.model,
          cache: { mode: 'off' },
          parameters: { temperature: 0 },
          items: [{ id: 'q', messages: [{ role: 'user', content: pairs[5]!.q }] }],
        },
        key,
      );
    expect((await ask(keys.bob)).status).toBe(400);
    const inference = await ask(keys.alice);
    expect(inference.status).toBe(202);
    await ended(harness, String(inference.body.id));
    const answered = (await getJson(`${harness.api.url}/v1/inference/${String(inference.body.id)}/results`, keys.alice)).body as {
      items: { answer: string; costNanoUsd: string }[];
    };
    // The training answer, priced at the tuned model's prices (gpt-4o-mini tuned: $0.30 / $1.20 per million).
    expect(answered.items[0]!.answer).toBe(pairs[5]!.a);
    expect(answered.items[0]!.costNanoUsd).not.toBe('0');

    expect(result.evaluation.skipped).toBeUndefined();
    const base = await ended(harness, result.evaluation.base);
    const tuned = await ended(harness, result.evaluation.tuned);
    const baseReport = base.result as Report;
    const tunedReport = tuned.result as Report;
    expect(tunedReport.comparison?.baseline).toBe(result.evaluation.base);
    expect(tunedReport.cases).toBe(4);
    expect(tunedReport.graders.correctness!.mean).toBeGreaterThan(baseReport.graders.correctness!.mean);
  }, 240_000);

  it('waits on the provider without holding a worker slot: two fine-tunes train at once on a one-slot worker', async () => {
    await simControl({ stepMs: 1_000 });
    const jobs = await Promise.all(
      [0, 1].map(() => send(harness, 'POST', '/v1/fine-tunes', { baseModel: 'gpt-4o-mini', dataset: { jsonl }, epochs: 1, pollIntervalMs: 300 })),
    );
    const ids = jobs.map((job) => String(job.body.id));
    await waitFor(
      async () => {
        const states = await Promise.all(ids.map(async (id) => (await getJson(`${harness.api.url}/v1/jobs/${id}`, keys.alice)).body.state));
        return states.every((state) => state === 'delayed');
      },
      { what: 'both fine-tunes waiting on the provider at the same time', timeoutMs: 60_000, intervalMs: 20 },
    );
    for (const id of ids) expect((await ended(harness, id, 120_000)).state).toBe('completed');
  }, 180_000);
});
