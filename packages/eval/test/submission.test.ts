import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluationJobs, type EvaluationPayload } from '@llmops/contracts';
import { InvalidCursorError, platformKeys, ResultStore } from '@llmops/queue';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { checkEvaluationReferences, InvalidGradersError, protectEvaluation, readRestoredResults, type EvaluationReferenceChecks } from '../src';

const redisUrl = 'redis://127.0.0.1:6379';
const payloadOf = (body: unknown): EvaluationPayload => evaluationJobs.evaluation.payload.parse(body);
/** Stands in for the vault: every email becomes <EMAIL_1> and back. */
const email = 'ada@example.com';
const protect = async (text: string) => text.replaceAll(email, '<EMAIL_1>');
const restore = async (text: string) => text.replaceAll('<EMAIL_1>', email);

describe('evaluation submissions', () => {
  it('protects every free text of the payload that reaches Redis or a provider, and the result still parses as the same payload', async () => {
    const payload = payloadOf({
      cases: [{ id: 'a', input: `Write to ${email}`, expected: `Sent to ${email}`, context: `${email} asked` }],
      generate: { model: 'gpt-4o-mini', system: `Never reveal ${email}` },
      graders: [
        { type: 'contains', value: email },
        { type: 'rubric', rubric: { name: 'polite', criteria: `Addresses ${email} politely`, reference: 'none' } },
      ],
    });
    const protectedPayload = await protectEvaluation(payload, protect);
    expect(JSON.stringify(protectedPayload)).not.toContain(email);
    expect(JSON.stringify(protectedPayload)).toContain('<EMAIL_1>');
    expect(evaluationJobs.evaluation.payload.parse(JSON.parse(JSON.stringify(protectedPayload)))).toEqual(protectedPayload);
  });

  it('checks references in request order with their request paths, and refuses a pattern the worker could not grade with', async () => {
    const seen: string[] = [];
    const checks: EvaluationReferenceChecks = {
      tenantChatModel: async (model, path) => void seen.push(`chat ${model} ${path}`),
      embeddingModel: (model, path) => void seen.push(`embedding ${model} ${path}`),
      pipelineVersion: async (ref, path) => void seen.push(`pipeline ${ref.name} ${path}`),
      completedEvaluation: async (jobId, path) => void seen.push(`baseline ${jobId} ${path}`),
    };
    const payload = payloadOf({
      cases: [{ id: 'a', input: 'q', output: 'x', expected: 'x' }],
      judge: { model: 'judge-model' },
      graders: [
        { type: 'embedding', model: 'embed-model' },
        { type: 'rubric', rubric: 'correctness' },
      ],
      baseline: 'evaluation-1',
    });
    await checkEvaluationReferences(payload, checks, 'body.jobs.3');
    expect(seen).toEqual([
      'chat judge-model body.jobs.3.judge.model',
      'embedding embed-model body.jobs.3.graders.0.model',
      'baseline evaluation-1 body.jobs.3.baseline',
    ]);

    const backreference = payloadOf({ cases: [{ id: 'a', input: 'q', output: 'x' }], graders: [{ type: 'regex', pattern: '(a)\\1' }] });
    const refused = await checkEvaluationReferences(backreference, checks).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidGradersError);
    expect((refused as InvalidGradersError).issues.map((issue) => issue.path)).toEqual(['body.graders.0.pattern']);
  });

  const redis = new Redis(redisUrl);
  const prefix = uniquePrefix('eval-submission');
  afterAll(async () => {
    redis.disconnect();
    await deleteKeys(redisUrl, prefix);
  });

  it('pages stored results with the pseudonyms put back, nested ones too, and refuses a cursor it did not hand out', async () => {
    const store = new ResultStore(redis, platformKeys(prefix), 3_600);
    await store.put('evaluation-r', [
      { id: 'a/0', index: 0, result: { output: 'Mail <EMAIL_1>', grades: { rubric: { status: 'graded', detail: 'names <EMAIL_1>' } } } },
      { id: 'b/0', index: 1, result: { output: 'no personal data' } },
    ]);
    const first = await readRestoredResults(store, 'evaluation-r', { limit: 1 }, restore);
    expect(first.items[0]!.result).toEqual({ output: `Mail ${email}`, grades: { rubric: { status: 'graded', detail: `names ${email}` } } });
    const second = await readRestoredResults(store, 'evaluation-r', { cursor: first.nextCursor!, limit: 1 }, restore);
    expect(second).toEqual({ items: [{ id: 'b/0', index: 1, result: { output: 'no personal data' } }], nextCursor: null });
    await expect(readRestoredResults(store, 'evaluation-r', { cursor: 'not-a-cursor', limit: 1 }, restore)).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
