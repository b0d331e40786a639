import { jobDataKeys } from '@llmops/contracts';
import { createRedis } from '@llmops/redis';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { defaultModelRegistry } from '@llmops/tokens';
import { afterAll, describe, expect, it } from 'vitest';
import {
  caseOf,
  collectionDatasetText,
  DatasetError,
  DEFAULT_GRADERS,
  DocumentNotFoundError,
  fineTuneWorstCase,
  prepareDataset,
  prepareFineTuneJob,
} from '../src/index';
import { REDIS_URL } from '@llmops/services/testing';

const model = defaultModelRegistry.require('gpt-4o-mini');
const email = 'jane@acme.example';
const line = (i: number) =>
  JSON.stringify({
    messages: [
      { role: 'system', content: 'You answer refund questions.' },
      { role: 'user', content: `Refund window for type ${i}? Reply to ${email}` },
      { role: 'assistant', content: `${10 + i} days.` },
    ],
  });
const jsonl = Array.from({ length: 14 }, (_, i) => line(i)).join('\n');

describe('fine-tune submission', () => {
  const prefix = uniquePrefix('finetune-submission');
  const redis = createRedis({ url: REDIS_URL, role: 'client' });
  afterAll(async () => {
    await deleteKeys(REDIS_URL, prefix);
    redis.disconnect();
  });

  it('keeps the last examples apart as held-out cases and estimates the training from the rest', async () => {
    const prepared = await prepareDataset(model, jsonl, { heldOut: 4, epochs: 3 });
    expect([prepared.train.length, prepared.held.length]).toEqual([10, 4]);
    expect(prepared.estimate.trainingTokens).toBe(prepared.datasetTokens * 3);
    expect(caseOf(prepared.held[0]!, 0)).toEqual({
      id: 'heldout-0',
      input: `Refund window for type 10? Reply to ${email}`,
      expected: '20 days.',
      context: 'You answer refund questions.',
    });
  });

  it('refuses a dataset by line number, never echoing the bad line', async () => {
    const secret = '{"messages": "not a list", "note": "secret-ssn-123-45-6789"}';
    const error = await prepareDataset(model, `${jsonl}\n${secret}`, { heldOut: 0, epochs: 1, path: 'body.dataset' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues).toEqual([expect.objectContaining({ path: 'body.dataset', line: 15 })]);
    expect(JSON.stringify({ message: (error as DatasetError).message, issues: (error as DatasetError).issues })).not.toContain('secret-ssn');
  });

  it("exports a collection's chunks as examples, and names a listed document that does not exist", async () => {
    const chunks: Record<string, { payload: { text?: unknown } }[]> = {
      a: [{ payload: { text: 'Refunds take 5 days.' } }, { payload: { text: 'Ask support.' } }],
    };
    const list = async (documentId: string) => chunks[documentId] ?? [];
    const text = await collectionDatasetText(list, { documentIds: ['a'], prompt: 'What does {{documentId}} say?' });
    expect(text.split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        messages: [
          { role: 'user', content: 'What does a say?' },
          { role: 'assistant', content: 'Refunds take 5 days.' },
        ],
      },
      {
        messages: [
          { role: 'user', content: 'What does a say?' },
          { role: 'assistant', content: 'Ask support.' },
        ],
      },
    ]);
    await expect(collectionDatasetText(list, { documentIds: ['a', 'gone'] })).rejects.toEqual(new DocumentNotFoundError(1));
  });

  it('stores examples and held-out cases pseudonymized in the job data and holds training plus both evaluations', async () => {
    const prepared = await prepareDataset(model, jsonl, { heldOut: 4, epochs: 2 });
    const held = { cases: prepared.held.map(caseOf), graders: DEFAULT_GRADERS };
    const protect = async (text: string) => text.split(email).join('<EMAIL_1>');
    const store = { redis, prefix, retentionSeconds: 600 };
    const payload = await prepareFineTuneJob(store, protect, { baseModel: model.name, epochs: 2, pollIntervalMs: 1_000, prepared, held }, 'ft-1');
    expect(payload).toMatchObject({ baseModel: 'gpt-4o-mini', epochs: 2, examples: 10, datasetTokens: prepared.datasetTokens, heldOut: { cases: 4 } });
    const data = await redis.hgetall(jobDataKeys(prefix, 'ft-1').fineTuneData);
    expect(Object.keys(data).sort()).toEqual(
      [...Array.from({ length: 4 }, (_, i) => `held:${i}`), ...Array.from({ length: 10 }, (_, i) => `train:${i}`)].sort(),
    );
    expect(JSON.stringify(data)).not.toContain(email);
    expect(JSON.stringify(data)).toContain('<EMAIL_1>');

    const estimate = await fineTuneWorstCase(defaultModelRegistry, model, prepared, held, { judgeOutputTokens: 300 });
    expect(estimate.costNanoUsd).toBeGreaterThan(prepared.estimate.nanoUsd);
    expect(estimate.detail).toBe('1 training of 10 examples x 2 epochs + 2 evaluations of 4 held-out cases');
  });
});
