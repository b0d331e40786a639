import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferenceItemsKey, InferenceItem, readJson } from '@llmops/contracts';
import { prepareInference } from '../src';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('inference-submission');
});
afterAll(async () => {
  await h?.close();
});

describe('inference submission', () => {
  const payload = {
    model: 'gpt-4o-mini',
    parameters: {},
    cache: { mode: 'off' as const },
    mode: 'realtime' as const,
    purpose: 'answer' as const,
    itemCount: 2,
  };
  const items = [
    { id: 'a', messages: [{ role: 'user' as const, content: 'Call Jane Doe at jane.doe@example.com' }] },
    {
      id: 'b',
      messages: [
        { role: 'system' as const, content: 'Be brief.' },
        { role: 'user' as const, content: 'Hello' },
      ],
    },
  ];

  it('estimates the work and, once the job id is fixed, stores the items pseudonymized and in order', async () => {
    const prepared = await prepareInference(h.submission, { tenant: 'acme', payload, items });
    expect(prepared.estimate).toMatchObject({ jobType: 'inference', items: 2 });
    expect(prepared.estimate.costNanoUsd).toBeGreaterThan(0n);

    const jobId = 'job-submission-1';
    expect(await prepared.build(jobId)).toEqual(payload);
    const key = inferenceItemsKey(h.submission.prefix, jobId);
    const stored = await h.redis.hgetall(key);
    expect(Object.keys(stored).sort()).toEqual(['0', '1']);
    const first = readJson(InferenceItem, stored['0']!);
    expect(first.id).toBe('a');
    expect(first.messages[0]!.content).not.toContain('jane.doe@example.com');
    expect(first.messages[0]!.content).toMatch(/<EMAIL_\d+>/);
    expect(readJson(InferenceItem, stored['1']!)).toEqual(items[1]);
    expect(await h.redis.ttl(key)).toBeGreaterThan(0);
  });
});
