import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InferencePayload } from '@llmops/contracts';
import { warmJob } from '../src';
import { startHarness, type Harness } from './harness';

const settings = (overrides: Partial<Omit<InferencePayload, 'itemCount'>> = {}): Omit<InferencePayload, 'itemCount'> => ({
  model: 'gpt-4o-mini',
  parameters: {},
  cache: { mode: 'exact' },
  mode: 'realtime',
  purpose: 'answer',
  ...overrides,
});
const ask = (id: string, content: string) => ({ id, messages: [{ role: 'user' as const, content }] });

/** Chat request bodies the simulator received since `from` (its log index). */
const chatBodiesSince = (h: Harness, from: number) =>
  h.simulator.log
    .list()
    .slice(from)
    .filter((entry) => entry.path.endsWith('/chat/completions'))
    .map((entry) => JSON.stringify(entry.body));

let h: Harness;
beforeAll(async () => {
  h = await startHarness('inference-job');
});
afterAll(async () => {
  await h?.close();
});

describe('inference job', () => {
  it('answers every item without sending personal data, and serves a repeated question from the cache', async () => {
    const from = h.simulator.log.list().length;
    const first = await h.run([ask('a', 'Write to jane.doe@example.com about invoice 42'), ask('b', 'What is the capital of France?')], settings());
    expect(first.summary).toMatchObject({ items: 2, answered: 2, failed: 0, providerCalls: 2, cacheHits: 0 });
    expect([...first.results.values()].every((r) => r.status === 'answered' && (r.answer ?? '').length > 0)).toBe(true);
    const sent = chatBodiesSince(h, from);
    expect(sent).toHaveLength(2);
    expect(sent.join('\n')).not.toContain('jane.doe@example.com');

    const again = await h.run([ask('x', 'What is the capital of France?')], settings());
    expect(again.summary).toMatchObject({ items: 1, answered: 1, cacheHits: 1, providerCalls: 0 });
    expect(again.results.get('x')?.cache).toMatchObject({ outcome: 'hit', kind: 'exact' });
    expect(again.results.get('x')?.answer).toBe(first.results.get('b')?.answer);
  });

  it('batch mode answers the items as lines of a provider batch, not live calls', async () => {
    const from = h.simulator.log.list().length;
    const outcome = await h.run(
      [ask('p', 'Name a prime number above 100'), ask('q', 'Name a river in Peru')],
      settings({ mode: 'batch', cache: { mode: 'off' } }),
    );
    expect(outcome.summary).toMatchObject({ items: 2, answered: 2, failed: 0 });
    const chats = h.simulator.log
      .list()
      .slice(from)
      .filter((entry) => entry.path.endsWith('/chat/completions'));
    // Both answered as lines of a provider batch, none by a live call.
    expect(chats).toHaveLength(2);
    expect(chats.every((entry) => entry.batchId !== null)).toBe(true);
  });

  it('a warming job fills the cache, so the next ask of that query is a hit', async () => {
    const warm = warmJob({ model: 'gpt-4o-mini', parameters: {}, queries: ['How do I reset my password?'] });
    const warmed = await h.run(warm.items, warm.settings);
    expect(warmed.summary).toMatchObject({ answered: 1, providerCalls: 1 });

    const asked = await h.run([ask('r', 'How do I reset my password?')], settings());
    expect(asked.summary).toMatchObject({ cacheHits: 1, providerCalls: 0 });
  });
});
