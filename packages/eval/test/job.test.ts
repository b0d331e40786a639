import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationJobs, type EvaluationPayload } from '@llmops/contracts';
import { NonRetriableError } from '@llmops/queue';
import { evaluationHandlers, type PipelineGenerator, type SampleRecord } from '../src';
import { startJobHarness, type JobHarness } from './job-harness';

let harness: JobHarness;
beforeAll(async () => {
  harness = await startJobHarness('eval-job');
});
afterAll(() => harness?.close());

const payloadOf = (body: unknown): EvaluationPayload => evaluationJobs.evaluation.payload.parse(body);

describe('the evaluation processor (real Redis, LLM simulator)', () => {
  it('grades and judges every sample, stores each as an item result, and a rerun of the job makes no model call again', async () => {
    const payload = payloadOf({
      cases: [
        { id: 'right', input: 'What is the capital of France?', expected: 'Paris', output: 'Paris is the capital of France.' },
        { id: 'wrong', input: 'What is the capital of France?', expected: 'Paris', output: 'Lyon' },
      ],
      graders: [{ type: 'contains' }, { type: 'rubric', rubric: 'correctness' }],
    });
    const { evaluation } = evaluationHandlers(harness.deps);
    const report = await evaluation(harness.context('evaluation-a', payload));
    expect(report.graders.contains).toMatchObject({ graded: 2, passRate: 0.5 });
    expect(report.graders.correctness).toMatchObject({ graded: 2, malformed: 0 });
    const mean = (id: string) => report.perCase.find((row) => row.id === id)!.graders.correctness!.mean;
    expect(mean('right')).toBeGreaterThan(mean('wrong'));
    const items = await harness.results('evaluation-a');
    expect(items.map((item) => item.id)).toEqual(['right/0', 'wrong/0']);
    expect((items[1]!.result as SampleRecord).grades.contains).toMatchObject({ status: 'graded', pass: false });

    const before = harness.requests();
    const again = await evaluation(harness.context('evaluation-a', payload));
    expect(harness.requests()).toBe(before);
    expect(again.graders).toEqual(report.graders);
  });

  it('fails for good, before any model call, when the baseline is not a completed evaluation of the tenant', async () => {
    const payload = payloadOf({
      cases: [{ id: 'a', input: 'Say hi' }],
      generate: { model: 'gpt-4o-mini' },
      graders: [{ type: 'contains', value: 'hi' }],
      baseline: 'evaluation-nothing-here',
    });
    const before = harness.requests();
    await expect(evaluationHandlers(harness.deps).evaluation(harness.context('evaluation-b', payload))).rejects.toBeInstanceOf(NonRetriableError);
    expect(harness.requests()).toBe(before);
  });

  it('generates outputs with the pipeline generator the worker wires in, charging its cost to the sample', async () => {
    const payload = payloadOf({
      cases: [{ id: 'a', input: 'Capital of France?', expected: 'Paris' }],
      generate: { model: 'gpt-4o-mini', pipeline: { name: 'answerer', version: 2 } },
      graders: [{ type: 'contains' }],
    });
    const asked: string[] = [];
    const generateWithPipeline: PipelineGenerator = async (spec, input) => {
      asked.push(`${spec.name}@${spec.version}: ${input}`);
      return { output: 'It is Paris.', costNano: 2_000_000n };
    };
    const { evaluation } = evaluationHandlers({ ...harness.deps, generateWithPipeline });
    const report = await evaluation(harness.context('evaluation-c', payload));
    expect(asked).toEqual(['answerer@2: Capital of France?']);
    expect(report.graders.contains).toMatchObject({ graded: 1, passRate: 1 });
    expect(Number(report.cost.usd)).toBeCloseTo(0.002);

    // A worker built without one fails such a job instead of calling a chat model in its place.
    await expect(evaluationHandlers(harness.deps).evaluation(harness.context('evaluation-d', payload))).rejects.toThrow(/pipeline generator/);
  });
});
