import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './fixtures/harness';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { ended, send } from './pipeline-helpers';

let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('advice');
  await harness.startWorker();
}, 60_000);
afterAll(() => harness?.close());

const paragraph = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `Section ${i} of the ${topic} policy explains eligibility, deadlines, approvals and the records kept for audits.`).join(
    ' ',
  );

async function ingest(documents: { id: string; text: string }[]) {
  const submitted = await send(harness, 'POST', '/v1/collections/handbook/documents', { documents });
  expect(submitted.status).toBe(202);
  const view = await ended(harness, String(submitted.body.id));
  expect(view.state).toBe('completed');
  return view.result as { tokens: number; chunks: { new: number } };
}

interface Advice {
  inputs: {
    collection: { chunks: number; tokens: number; changedTokensPerMonth: number };
    rag: { contextTokens: number };
    fineTune: { retrainsPerMonth: number; trainingTokens: number };
    traffic: { cacheHitRate: number };
  };
  table: { item: string; rag: string; fineTune: string }[];
  monthly: { rag: string; fineTune: string };
  firstYear: { rag: string; fineTune: string };
  breakEven: { monthlyQueries: number | null; firstYearQueries: number | null };
  cheaper: { monthly: string; firstYear: string };
  sources: Record<string, string>;
}

describe('POST /v1/advice/rag-vs-fine-tune', () => {
  it('matches the hand-computed case on a real collection, then follows its ingestion history', async () => {
    const first = await ingest([
      { id: 'leave', text: paragraph('leave', 40) },
      { id: 'travel', text: paragraph('travel', 40) },
    ]);
    const traffic = { queriesPerMonth: 100_000, questionTokens: 50, answerTokens: 200, cacheHitRate: 0.2 };
    const fixed = await send(harness, 'POST', '/v1/advice/rag-vs-fine-tune', { collection: 'handbook', traffic, collectionTokens: 1_000_000 });
    expect(fixed.status).toBe(200);
    const advice = fixed.body as unknown as Advice;
    const chunks = advice.inputs.collection.chunks;
    expect(chunks).toBe(first.chunks.new);
    // By hand (prices: embedding 0.02, gpt-4o-mini 0.15 / 0.60, tuned 0.30 / 1.20, training 3.00 per million):
    //   context = min(1500, 5 x 1,000,000 / chunks) = 1500; one ingestion, so nothing changed: no re-embedding, no retraining.
    //   RAG setup 1,000,000 x 0.02e-6 = 0.02; per query 50 x 0.02e-6 + 0.8 x (1592 x 0.15e-6 + 200 x 0.60e-6) = 0.00028804
    //   FT setup 1,000,000 x 3 x 3e-6 = 9; per query 0.8 x (60 x 0.30e-6 + 200 x 1.20e-6) = 0.0002064
    //   monthly: RAG 28.804, FT 20.64; first year: RAG 0.02 + 12 x 28.804 = 345.668, FT 9 + 12 x 20.64 = 256.68
    //   break-even: a month 0 (no fixed gap); first year (9 - 0.02) / 12 / (0.00028804 - 0.0002064) = 9166.3 -> 9167
    expect(advice.inputs).toMatchObject({
      collection: { tokens: 1_000_000, changedTokensPerMonth: 0 },
      rag: { contextTokens: 1_500 },
      fineTune: { retrainsPerMonth: 0, trainingTokens: 1_000_000 },
    });
    expect(advice.monthly).toEqual({ rag: '28.804000', fineTune: '20.640000' });
    expect(advice.firstYear).toEqual({ rag: '345.668000', fineTune: '256.680000' });
    expect(advice.breakEven).toEqual({ monthlyQueries: 0, firstYearQueries: 9_167 });
    expect(advice.cheaper).toEqual({ monthly: 'fine-tune', firstYear: 'fine-tune' });

    // A changed document is re-embedded: the history now has an update rate, and tokens come from it.
    const second = await ingest([{ id: 'leave', text: paragraph('parental leave', 40) }]);
    const observed = (await send(harness, 'POST', '/v1/advice/rag-vs-fine-tune', { collection: 'handbook', traffic: { queriesPerMonth: 10_000 } }))
      .body as unknown as Advice;
    const tokensPerChunk = (first.tokens + second.tokens) / (first.chunks.new + second.chunks.new);
    expect(observed.inputs.collection.tokens).toBe(Math.round(observed.inputs.collection.chunks * tokensPerChunk));
    // Observed for less than a day (counted as one): the change rate is that ingestion's tokens x 30.
    expect(observed.inputs.collection.changedTokensPerMonth).toBe(second.tokens * 30);
    expect(observed.inputs.fineTune.retrainsPerMonth).toBe(1);
    expect(observed.inputs.traffic.cacheHitRate).toBe(0);
    expect(observed.sources.cacheHitRate).toMatch(/^the tenant's semantic cache/);
    const fresh = observed.table.find((row) => row.item === 'keeping fresh (a month)')!;
    expect(fresh.rag).toBe(((second.tokens * 30 * 0.02) / 1_000_000).toFixed(6));
  }, 180_000);

  it("refuses an unknown collection (another tenant's too) and an untunable model", async () => {
    const body = { collection: 'handbook', traffic: { queriesPerMonth: 1 } };
    expect((await send(harness, 'POST', '/v1/advice/rag-vs-fine-tune', body, keys.bob)).status).toBe(404);
    const untunable = await send(harness, 'POST', '/v1/advice/rag-vs-fine-tune', { ...body, fineTune: { baseModel: 'o3' } });
    expect(untunable.status).toBe(400);
    expect(JSON.stringify(untunable.body)).toContain('body.fineTune.baseModel');
    expect((await getJson(`${harness.api.url}/v1/jobs`, keys.bob)).body.jobs).toEqual([]);
  });
});
