import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { finished, post } from './evaluation-helpers';
import { auditLedger, formatAudit } from './ledger-audit';
import { call, makeDocs } from './ingest-fixtures';

// Must-show 2 of issue 19: without faults, the ledger equals the provider's request log exactly, call
// for call, for every job family (and the API's own search embeddings).
let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatform('ledger-clean', { simulator: { batchDelayMs: 200 } });
  await h.startWorker();
}, 60_000);
afterAll(() => h?.close());

const ask = (id: string, content: string) => ({ id, messages: [{ role: 'user', content }] });

describe('without faults the ledger equals what the provider billed', () => {
  it('call for call, per tenant and job type, across ingest, inference (cache, RAG, batch), evaluation (generate, embeddings, judge, batch judge) and search', async () => {
    const jobs: [string, string][] = [];
    const submit = async (key: string, path: string, body: unknown) => {
      const reply = await post(h, path, body, key);
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      jobs.push([key, String(reply.body.id)]);
      return String(reply.body.id);
    };
    const done = (key: string, id: string) => finished(h, id, 180_000, key);
    await done(keys.alice, await submit(keys.alice, '/v1/collections/kb/documents', { documents: makeDocs(40, 'a') }));
    await done(keys.bob, await submit(keys.bob, '/v1/collections/kb/documents', { documents: makeDocs(20, 'b') }));

    // Semantic cache (256-dimension embeddings of each prompt) and RAG (1,536-dimension embeddings of
    // the same prompt), with repeats that hit the cache.
    const questions = Array.from({ length: 24 }, (_, i) => `What does section a${i}-0 say about the river and the valve?`);
    const items = [...questions, ...questions.slice(0, 8)].map((q, i) => ask(`q${i}`, q));
    await submit(keys.alice, '/v1/inference', {
      model: 'gpt-4o-mini',
      parameters: { temperature: 0, max_tokens: 60 },
      items,
      rag: { collection: 'kb', topK: 3, maxContextTokens: 400 },
    });
    await submit(keys.bob, '/v1/inference', {
      model: 'gpt-4o-mini',
      mode: 'batch',
      cache: { mode: 'exact' },
      items: questions.slice(0, 10).map((q, i) => ask(`b${i}`, q)),
    });
    const cases = Array.from({ length: 8 }, (_, i) => ({
      id: `c${i}`,
      input: `Which valve sits in section ${i}?`,
      expected: `The valve of section ${i} sits by the river.`,
    }));
    await submit(keys.alice, '/v1/evaluations', {
      cases,
      samples: 2,
      generate: { model: 'gpt-4o-mini', seed: 3, maxTokens: 60 },
      graders: [{ type: 'embedding' }, { type: 'rubric', rubric: 'correctness' }],
    });
    await submit(keys.bob, '/v1/evaluations', {
      cases: cases.slice(0, 5).map((c) => ({ ...c, output: `In section ${c.id} the valve is near the river.` })),
      graders: [{ type: 'rubric', rubric: 'correctness' }],
      judge: { mode: 'batch', pollIntervalMs: 100 },
    });
    for (const [key, id] of jobs.slice(2)) await done(key, id);
    const search = await call(`${h.api.url}/v1/collections/kb/search`, keys.alice, { body: { query: 'river valve', topK: 3 } });
    expect(search.status).toBe(200);

    const audit = await auditLedger(h.redis, h.prefix, ['alice', 'bob'], h.simulator.log.list());
    console.log(`no faults, provider vs ledger:\n${formatAudit(audit)}`);
    expect(audit.unclaimed).toEqual([]);
    expect(audit.unknown).toEqual([]);
    expect(audit.phantoms).toEqual([]);
    expect(audit.mismatched).toEqual([]);
    expect(audit.answeredTwice).toBe(0);
    expect(audit.ledger).toEqual(audit.provider);
    // Every family and both embedding sizes took part.
    expect(Object.keys(audit.ledger).sort()).toEqual(
      expect.arrayContaining(['alice|evaluation', 'alice|inference', 'alice|ingest', 'bob|evaluation', 'bob|inference', 'bob|ingest']),
    );
    const dims = new Set(
      h.simulator.log
        .list()
        .filter((e) => e.path === '/v1/embeddings')
        .map((e) => (e.body as { dimensions?: number }).dimensions ?? 1536),
    );
    expect([...dims].sort()).toEqual([1536, 256]);
  }, 300_000);
});
