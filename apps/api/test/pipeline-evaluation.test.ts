import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { evaluate, post } from './evaluation-helpers';
import { billedRequests } from './pipeline-helpers';

let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('pipeline-evaluation');
  await harness.startWorker();
}, 60_000);
afterAll(() => harness?.close());

// Version 1 asks about the weather whatever the question; version 2 passes the question through.
const version = (prompt: string) => ({
  inputs: ['question'],
  steps: [
    { id: 'draft', type: 'generate', model: 'gpt-4o-mini', prompt, parameters: { temperature: 0, max_tokens: 100 } },
    { id: 'final', type: 'prompt', template: '{{draft}}' },
  ],
  output: { answer: '{{final}}' },
});

describe('an evaluation with a saved pipeline version as its generator', () => {
  it('compares version 2 against version 1 with the bootstrap report', async () => {
    expect(
      (await post(harness, '/v1/pipelines/definitions', { name: 'qa', definition: version('Tell me about the weather in {{input.question}}') })).body.version,
    ).toBe(1);
    expect((await post(harness, '/v1/pipelines/definitions', { name: 'qa', definition: version('{{input.question}}') })).body.version).toBe(2);
    const topics = [
      'refund policy',
      'password reset',
      'invoice address',
      'shipping delays',
      'account deletion',
      'data export',
      'team invites',
      'billing cycle',
      'api limits',
      'sso setup',
      'audit logs',
      'mobile app',
      'dark mode',
      'webhooks',
      'two factor',
    ];
    // The expected answer is what the model says to the bare question (the simulator is deterministic at temperature 0).
    const cases = topics.map((topic, i) => ({
      id: `c${i}`,
      input: `How does ${topic} work?`,
      expected: `This is a simulated answer about ${topic
        .split(' ')
        .join(', ')
        .replace(/, ([^,]*)$/, ' and $1')} and work.`,
    }));
    const body = (pipelineVersion: number, baseline?: string) => ({
      cases,
      generate: { model: 'gpt-4o-mini', pipeline: { name: 'qa', version: pipelineVersion } },
      graders: [{ type: 'edit-distance', threshold: 0.9 }],
      bootstrap: { resamples: 1_000, seed: 3 },
      ...(baseline ? { baseline } : {}),
    });
    const first = await evaluate(harness, body(1));
    const second = await evaluate(harness, body(2, first.id));
    const comparison = second.report.comparison!;
    expect(comparison.baseline).toBe(first.id);
    const mean = comparison.metrics.find((metric) => metric.grader === 'edit-distance' && metric.metric === 'mean')!;
    expect(mean.verdict).toBe('improvement');
    expect(mean.lower).toBeGreaterThan(0);
    expect(comparison.improvements).toBeGreaterThan(0);
    expect(second.report.graders['edit-distance']!.mean).toBeGreaterThan(first.report.graders['edit-distance']!.mean);
    // Each case's pipeline generation is billed to the evaluation, once.
    expect((await billedRequests(harness, 'evaluation')).requests).toBe(2 * cases.length);
  }, 180_000);

  it('refuses an unknown pipeline version or a field it does not have, naming the field', async () => {
    const base = { cases: [{ id: 'c', input: 'q', expected: 'a' }], graders: [{ type: 'exact' }] };
    const missing = await post(harness, '/v1/evaluations', { ...base, generate: { model: 'gpt-4o-mini', pipeline: { name: 'qa', version: 9 } } });
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body)).toContain('body.generate.pipeline');
    const field = await post(harness, '/v1/evaluations', { ...base, generate: { model: 'gpt-4o-mini', pipeline: { name: 'qa', version: 1, output: 'nope' } } });
    expect(field.status).toBe(400);
    expect(JSON.stringify(field.body)).toContain('body.generate.pipeline.output');
    expect(
      (await post(harness, '/v1/evaluations', { ...base, generate: { model: 'gpt-4o-mini', pipeline: { name: 'qa', version: 1 } } }, keys.bob)).status,
    ).toBe(404);
  });
});
