import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, jobDataKeys, platformCatalog } from '@llmops/contracts';
import { waitFor } from '@llmops/testing';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { allPages, billedRequests, ended, send, type PipelineResult, type StepRecord } from './pipeline-helpers';

let harness: PlatformHarness;
beforeAll(async () => {
  // A little latency per answer, so the worker can be killed while inputs are mid-chain.
  harness = await startPlatform('pipeline', { simulator: { latencyMs: 25 } });
}, 60_000);
afterAll(() => harness?.close());

/** Four steps: summarize, classify (JSON schema), validate the summary, reply using both. */
const triage = {
  inputs: ['ticket'],
  steps: [
    {
      id: 'summary',
      type: 'generate',
      model: 'gpt-4o-mini',
      prompt: 'Summarize this support ticket: {{input.ticket}}',
      parameters: { temperature: 0, max_tokens: 60 },
    },
    {
      id: 'category',
      type: 'generate',
      model: 'gpt-4o-mini',
      prompt: 'Classify this ticket: {{input.ticket}}',
      parameters: { temperature: 0 },
      schema: { type: 'object', properties: { label: { type: 'string', enum: ['billing', 'bug', 'other'] } }, required: ['label'] },
    },
    { id: 'check', type: 'validate', from: '{{summary}}', pattern: 'simulated' },
    {
      id: 'reply',
      type: 'generate',
      model: 'gpt-4o-mini',
      prompt: 'Write a short reply about: {{summary}} (category {{category.label}})',
      parameters: { temperature: 0, max_tokens: 80 },
    },
  ],
  output: { summary: '{{summary}}', label: '{{category.label}}', reply: '{{reply}}' },
};

const issues = (body: Record<string, unknown>) =>
  ((body.error as { details?: { issues?: { path: string; message: string }[] } }).details?.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`);

describe('POST /v1/pipelines: invalid definitions', () => {
  it('answers 400 naming the step (unknown reference, cycle, undeclared variable, missing input) and enqueues nothing', async () => {
    const unknown = await send(harness, 'POST', '/v1/pipelines', {
      definition: { ...triage, steps: [...triage.steps.slice(0, 3), { ...triage.steps[3], prompt: 'Reply about {{sumary}}' }] },
      inputs: [{ ticket: 'x' }],
    });
    expect(unknown.status).toBe(400);
    expect(issues(unknown.body)).toEqual(['body.definition.steps.3.prompt: step "reply": placeholder 1 names no step of this definition']);

    const cycle = await send(harness, 'POST', '/v1/pipelines', {
      definition: {
        inputs: ['q'],
        steps: [
          { id: 'a', type: 'prompt', template: '{{b}} {{input.q}}' },
          { id: 'b', type: 'prompt', template: '{{a}}' },
        ],
        output: { x: '{{a}}' },
      },
      inputs: [{ q: 'x' }],
    });
    expect(cycle.status).toBe(400);
    expect(issues(cycle.body)).toEqual(['body.definition.steps.0: step "a": its references form a cycle (a -> b -> a)']);

    const undeclared = await send(harness, 'POST', '/v1/pipelines', {
      definition: { ...triage, output: { reply: '{{reply}} {{input.customer}}' } },
      inputs: [{ ticket: 'x' }],
    });
    expect(issues(undeclared.body)).toEqual([
      'body.definition.output.reply: output "reply": placeholder 2 names an input variable the definition does not declare in `inputs`',
    ]);

    const missing = await send(harness, 'POST', '/v1/pipelines', { definition: triage, inputs: [{ ticket: 'x' }, { tikket: 'y' }] });
    expect(issues(missing.body)).toEqual([
      'body.inputs.1: missing input variable "ticket"',
      'body.inputs.1: 1 variable(s) the definition does not declare in `inputs`',
    ]);

    const model = await send(harness, 'POST', '/v1/pipelines', {
      definition: { ...triage, steps: [{ ...triage.steps[0], model: 'ft:gpt-4o-mini:someone::x' }, ...triage.steps.slice(1)] },
      inputs: [{ ticket: 'x' }],
    });
    expect(issues(model.body)).toEqual(['body.definition.steps.0.model: not a fine-tuned model of this tenant (GET /v1/fine-tunes/models lists them)']);

    expect(
      await harness.redis.exists(
        `${bullPrefix(harness.prefix, platformCatalog.pipeline)}:pipeline:wait`,
        `${bullPrefix(harness.prefix, platformCatalog.pipeline)}:pipeline:prioritized`,
      ),
    ).toBe(0);
  });
});

describe('a pipeline over 500 inputs with its worker SIGKILLed midway', () => {
  it('finishes every input, bills every step once, and resumes each input at the step after its last finished one', async () => {
    await harness.startWorker({ WORKER_LOCK_MS: '2000', WORKER_ID: 'doomed' });
    const inputs = Array.from({ length: 500 }, (_, i) => ({ ticket: `Invoice ${i} was charged twice for order ${1000 + i}` }));
    const submitted = await send(harness, 'POST', '/v1/pipelines', { definition: triage, inputs });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body.id);
    const data = jobDataKeys(harness.prefix, id);
    await waitFor(async () => (await harness.redis.zcard(data.resultOrder)) >= 120, { what: 'a quarter of the inputs', timeoutMs: 120_000, intervalMs: 20 });
    await harness.killWorkers();
    const atKill = new Map(Object.entries(await harness.redis.hgetall(data.pipelineProgress)).map(([field, raw]) => [field, JSON.parse(raw) as StepRecord]));
    const finishedAtKill = new Set(await harness.redis.zrange(data.resultOrder, '0', '-1'));
    expect(finishedAtKill.size).toBeLessThan(500);
    // Inputs the kill caught mid-chain: some steps recorded, no result yet.
    const runBefore = [...atKill.values()][0]!.run;
    const partial = [...new Set([...atKill.keys()].map((field) => field.split(':')[0]!))].filter((index) => !finishedAtKill.has(index));
    expect(partial.length).toBeGreaterThan(0);

    await harness.startWorker({ WORKER_LOCK_MS: '2000', WORKER_ID: 'rescuer' });
    const view = await ended(harness, id, 240_000);
    expect(view.state).toBe('completed');
    expect(view.result).toMatchObject({ inputs: 500, completed: 500, failed: 0, cacheHits: 0 });

    const results = await allPages<PipelineResult>(harness, `/v1/pipelines/${id}/results`);
    expect(results).toHaveLength(500);
    for (const index of partial) {
      const result = results.find((item) => item.id === index)!.result;
      for (const [step, record] of Object.entries(result.steps)) {
        const before = atKill.get(`${index}:${step}`);
        // A step recorded before the kill was not run again; every other step ran on the rescuer's run.
        if (before) expect(record).toEqual(before);
        else expect(record.run).not.toBe(runBefore);
      }
    }
    const sample = results[7]!.result;
    expect(sample.status).toBe('completed');
    expect(sample.output?.label).toMatch(/^(billing|bug|other)$/);
    expect(String(sample.output?.summary)).toContain('simulated');
    expect(Object.keys(sample.steps)).toEqual(['summary', 'category', 'check', 'reply']);
    expect(sample.steps.summary!.costNanoUsd).not.toBe('0');

    // 3 generations per input, each counted once by the ledger, though calls in flight at the kill were made twice.
    expect((await billedRequests(harness, 'pipeline')).requests).toBe(1_500);
    const made = harness.simulator.log.list().filter((entry) => entry.path === '/v1/chat/completions' && entry.status === 200).length;
    expect(made).toBeGreaterThanOrEqual(1_500);
    // A finished job's inputs and step records are deleted at once (its results stay).
    expect(await harness.redis.exists(data.pipelineInputs, data.pipelineProgress)).toBe(0);
  }, 420_000);
});

describe('pipelines and personal data', () => {
  it('never sends an input canary to the provider, and gives it back to its owner only', async () => {
    const canary = 'jane.canary@acme.example';
    const submitted = await send(harness, 'POST', '/v1/pipelines', {
      definition: { inputs: ['ticket'], steps: [triage.steps[0]], output: { summary: '{{summary}}' } },
      inputs: [{ ticket: `Please refund me, write to ${canary}` }],
    });
    const id = String(submitted.body.id);
    expect((await ended(harness, id)).state).toBe('completed');
    const bodies = JSON.stringify(harness.simulator.log.list().map((entry) => entry.body));
    expect(bodies).not.toContain(canary);
    const [owner] = await allPages<PipelineResult>(harness, `/v1/pipelines/${id}/results`);
    expect(String(owner!.result.output?.summary)).toContain(canary);
    const raw = (await send(harness, 'GET', `/v1/jobs/${id}/results`)).body;
    expect(JSON.stringify(raw)).not.toContain(canary);
    expect((await send(harness, 'GET', `/v1/pipelines/${id}/results`, undefined, keys.bob)).status).toBe(404);
  }, 120_000);
});

describe('saved pipeline definitions', () => {
  it('versions definitions per tenant, checks them like a run, and runs a saved version', async () => {
    const first = await send(harness, 'POST', '/v1/pipelines/definitions', { name: 'triage', definition: triage });
    const second = await send(harness, 'POST', '/v1/pipelines/definitions', { name: 'triage', definition: { ...triage, output: { reply: '{{reply}}' } } });
    expect([first.status, first.body.version, second.body.version]).toEqual([201, 1, 2]);
    expect((await send(harness, 'GET', '/v1/pipelines/definitions')).body).toEqual({ definitions: [{ name: 'triage', latest: 2 }] });
    expect((await send(harness, 'GET', '/v1/pipelines/definitions/triage?version=1')).body).toMatchObject({ name: 'triage', version: 1, definition: triage });
    expect((await send(harness, 'GET', '/v1/pipelines/definitions/triage', undefined, keys.bob)).status).toBe(404);
    const broken = await send(harness, 'POST', '/v1/pipelines/definitions', { name: 'triage', definition: { ...triage, output: { reply: '{{nope}}' } } });
    expect(issues(broken.body)).toEqual(['body.definition.output.reply: output "reply": placeholder 1 names no step of this definition']);

    const run = await send(harness, 'POST', '/v1/pipelines', { pipeline: { name: 'triage', version: 2 }, inputs: [{ ticket: 'The app crashes on login' }] });
    expect(run.body.pipeline).toEqual({ name: 'triage', version: 2 });
    const [only] = await (async () => {
      await ended(harness, String(run.body.id));
      return allPages<PipelineResult>(harness, `/v1/pipelines/${String(run.body.id)}/results`);
    })();
    expect(Object.keys(only!.result.output ?? {})).toEqual(['reply']);
  }, 120_000);
});
