import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpValues, waitFor } from '@llmops/testing';
import { auth, json, keys, redisUrl, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

let harness: PlatformHarness;
beforeAll(async () => {
  harness = await startPlatform('cache-feedback', { simulator: { latencyMs: 5 } });
  await harness.startWorker();
}, 90_000);
afterAll(() => harness?.close());

type ItemResult = {
  id: string;
  status: string;
  answer?: string;
  costNanoUsd: string;
  cache: { outcome: string; kind?: string; similarity?: number; source?: string };
};
type Settings = {
  threshold: number;
  thresholdSource: string;
  calibration?: string;
  defaultThreshold: number;
  embedding: { id: string };
  verification: { mode: string };
};

const post = async (key: string, path: string, body: unknown) => {
  const response = await fetch(`${harness.api.url}${path}`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const get = async <T>(key: string, path: string) => (await (await fetch(`${harness.api.url}${path}`, { headers: auth(key) })).json()) as T;

async function finished(key: string, id: string) {
  return waitFor(
    async () => {
      const job = await get<{ state: string; error: unknown; result: Record<string, unknown> }>(key, `/v1/jobs/${id}`);
      if (job.state === 'failed') throw new Error(`job failed: ${JSON.stringify(job.error)}`);
      return job.state === 'completed' ? job : undefined;
    },
    { what: `job ${id}`, timeoutMs: 120_000 },
  );
}

/** One question as a one-item inference job; resolves with its job id and result. */
async function ask(key: string, content: string, cache: Record<string, unknown> = {}) {
  const submitted = await post(key, '/v1/inference', {
    model: 'gpt-4o-mini',
    parameters: { temperature: 0 },
    items: [{ id: 'q', messages: [{ role: 'user', content }] }],
    cache: { mode: 'semantic', ...cache },
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  const jobId = String(submitted.body.id);
  await finished(key, jobId);
  const page = await get<{ items: ItemResult[] }>(key, `/v1/inference/${jobId}/results`);
  return { jobId, result: page.items[0]! };
}

const laos = 'Which goods were imported into Laos in 2019 according to the national trade report?';
const swiss = 'Which goods were imported into Switzerland in 2019 according to the national trade report?';
const chatCalls = (model?: string) => harness.simulator.log.list().filter((e) => e.path.endsWith('/chat/completions') && (!model || e.model === model));

describe('cache feedback', () => {
  it('a wrong hit reported once is never served again, and shows in /v1/cache/stats', async () => {
    const first = await ask(keys.alice, laos, { threshold: 0.8 });
    expect(first.result.cache.outcome).toBe('miss');
    // The simulator's lexical embedding puts these two at ~0.87: at 0.8 the Laos answer is served for Switzerland.
    const wrong = await ask(keys.alice, swiss, { threshold: 0.8 });
    expect(wrong.result.cache).toMatchObject({ outcome: 'hit', kind: 'semantic', source: `${first.jobId}:q` });

    expect((await post(keys.bob, '/v1/cache/feedback', { jobId: wrong.jobId, itemId: 'q' })).status).toBe(404);
    expect((await post(keys.alice, '/v1/cache/feedback', { jobId: first.jobId, itemId: 'q' })).status).toBe(404); // a miss: nothing to report
    const reported = await post(keys.alice, '/v1/cache/feedback', { jobId: wrong.jobId, itemId: 'q' });
    expect(reported).toMatchObject({ status: 200, body: { status: 'reported', kind: 'semantic', entryRemoved: true } });
    expect((await post(keys.alice, '/v1/cache/feedback', { jobId: wrong.jobId, itemId: 'q' })).body).toMatchObject({ status: 'already-reported' });

    const stats = await get<{ wrongHits: number; semanticHits: number; bySimilarity: { similarity: number; served: number; wrong: number }[] }>(
      keys.alice,
      '/v1/cache/stats',
    );
    expect(stats.wrongHits).toBe(1);
    expect(stats.bySimilarity).toEqual([{ similarity: Math.floor(wrong.result.cache.similarity! * 100) / 100, served: 1, wrong: 1 }]);

    // Asked again: the Laos answer is not served (the provider answers), and not after Laos is asked again either.
    const again = await ask(keys.alice, swiss, { threshold: 0.8 });
    expect(again.result.cache.outcome).toBe('miss');
    const relearned = await ask(keys.alice, laos, { threshold: 0.8 });
    expect(relearned.result.cache.source ?? '').not.toBe(`${first.jobId}:q`);
    const third = await ask(keys.alice, swiss, { threshold: 0.8 });
    expect(third.result.cache.source).not.toBe(`${first.jobId}:q`);
    expect(third.result.cache.source === undefined || third.result.cache.source === `${again.jobId}:q`).toBe(true);
  }, 120_000);
});

describe('cache settings', () => {
  it('starts from the embedding default, takes a tenant threshold, and resets', async () => {
    const initial = await get<Settings>(keys.bob, '/v1/cache/settings');
    expect(initial).toMatchObject({ embedding: { id: 'text-embedding-3-small@256' }, thresholdSource: 'default', verification: { mode: 'off' } });
    expect(initial.threshold).toBe(initial.defaultThreshold);
    expect((await post(keys.bob, '/v1/cache/settings', { threshold: 0.9 })).body).toMatchObject({ threshold: 0.9, thresholdSource: 'tenant' });
    expect((await get<Settings>(keys.alice, '/v1/cache/settings')).thresholdSource).toBe('default'); // per tenant
    expect((await post(keys.bob, '/v1/cache/settings', { threshold: null })).body).toMatchObject({
      threshold: initial.defaultThreshold,
      thresholdSource: 'default',
    });
    const bad = await post(keys.bob, '/v1/cache/settings', { threshold: 1.5, verification: { mode: 'below', model: 'no-such-model' } });
    expect(bad.status).toBe(400);
    expect((await post(keys.bob, '/v1/cache/settings', { verification: { mode: 'below', model: 'no-such-model' } })).status).toBe(400);
  });

  it('applies a calibration of the same embedding in one call; refuses one of another embedding or tenant', async () => {
    const calibration = await post(keys.alice, '/v1/cache/calibrations', {});
    expect(calibration.status).toBe(202);
    const id = String(calibration.body.id);
    const report = (await finished(keys.alice, id)).result as {
      embedding: { model: string; dimensions: number };
      recommendation: { threshold: number } | null;
      pairs: { feedback: number };
    };
    expect(report.embedding).toEqual({ model: 'text-embedding-3-small', dimensions: 256 });
    expect(report.pairs.feedback).toBe(1); // the wrong hit reported above joined the labelled pairs
    expect(report.recommendation).not.toBeNull();
    const applied = await post(keys.alice, '/v1/cache/settings', { fromCalibration: id });
    expect(applied).toMatchObject({ status: 200, body: { threshold: report.recommendation!.threshold, thresholdSource: 'tenant', calibration: id } });
    expect((await post(keys.bob, '/v1/cache/settings', { fromCalibration: id })).status).toBe(404);

    const other = await post(keys.alice, '/v1/cache/calibrations', { model: 'text-embedding-3-large' });
    await finished(keys.alice, String(other.body.id));
    const mismatch = await post(keys.alice, '/v1/cache/settings', { fromCalibration: String(other.body.id) });
    expect(mismatch).toMatchObject({ status: 409, body: { error: { code: 'calibration_mismatch' } } });
  }, 120_000);
});

describe('gray-band verification', () => {
  const northern = 'Summarise the quarterly maintenance report for the northern water treatment plant';
  const southern = 'Summarise the quarterly maintenance report for the southern water treatment plant';
  const reset = 'How do I reset my password?';
  const resetToo = 'How can I reset my password?';

  it('a candidate just under the threshold is served only if the small model confirms it; the check is billed as cache verification', async () => {
    const settings = await post(keys.bob, '/v1/cache/settings', { threshold: 0.94, verification: { mode: 'below', band: 0.1 } });
    expect(settings.body).toMatchObject({ verification: { mode: 'below', band: 0.1, model: 'gpt-4.1-nano', minScore: 10 } });
    await ask(keys.bob, northern);
    await ask(keys.bob, reset);
    const verifierBefore = chatCalls('gpt-4.1-nano').length;

    // ~0.86 similar and one fact apart: verified, rejected, answered by the provider.
    const rejected = await ask(keys.bob, southern);
    expect(rejected.result.cache.outcome).toBe('miss');
    // ~0.90 similar and the same question: verified, confirmed, served from the cache.
    const confirmed = await ask(keys.bob, resetToo);
    expect(confirmed.result.cache).toMatchObject({ outcome: 'hit', kind: 'semantic' });
    expect(BigInt(confirmed.result.costNanoUsd)).toBeGreaterThan(0n); // the verification call, nothing else

    const checks = chatCalls('gpt-4.1-nano').slice(verifierBefore);
    expect(checks).toHaveLength(2);
    const user = (checks[0]!.body as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content;
    expect(user).toMatch(/<reference>[\s\S]*southern[\s\S]*<\/reference>[\s\S]*<answer>[\s\S]*northern[\s\S]*<\/answer>/);
    const stats = await get<{ verifications: number; verifiedHits: number; verificationRejections: number }>(keys.bob, '/v1/cache/stats');
    expect(stats).toMatchObject({ verifications: 2, verifiedHits: 1, verificationRejections: 1 });
    const today = new Date().toISOString().slice(0, 10);
    const usage = await get<{ days: { jobType: string; requests: number }[] }>(keys.bob, `/v1/usage?from=${today}&to=${today}`);
    expect(usage.days.filter((d) => d.jobType === 'cache-verification').reduce((n, d) => n + d.requests, 0)).toBe(2);
  }, 120_000);
});

describe('what the cache keeps', () => {
  it('redacted text only: an address in a cached question reaches neither Redis nor the vector store', async () => {
    const canary = 'canary.cache.q4@example.com';
    const asked = await ask(keys.alice, `Draft a reply to ${canary} about the delayed shipment of the pumps`);
    expect(asked.result.answer).toContain(canary); // restored for its owner...
    const again = await ask(keys.alice, `Draft a reply to ${canary} about the delayed shipment of the pumps`);
    expect(again.result.cache.outcome).toBe('hit'); // ...and cached
    expect(await dumpValues(redisUrl, harness.prefix)).not.toContain(canary);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const stored = files(harness.vectorDir);
    expect(stored.some((file) => file.includes('semcache-'))).toBe(true);
    for (const file of stored) expect(readFileSync(file).includes(canary)).toBe(false);
  }, 60_000);
});
