import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { PipelineDefinition } from '@llmops/contracts';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { createDefinitionStore, pipelineKeys } from '../src/index';

const url = 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('pipeline-definitions');
let redis: Redis;
beforeAll(() => {
  redis = new Redis(url);
});
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(url, prefix);
});

const definition = (text: string) => PipelineDefinition.parse({ inputs: ['q'], steps: [{ id: 'p', type: 'prompt', template: text }], output: { x: '{{p}}' } });

describe('saved definitions', () => {
  it('numbers versions per tenant and name, even when saves race, and reads any version back', async () => {
    const store = createDefinitionStore(redis, prefix);
    const saved = await Promise.all(Array.from({ length: 20 }, (_, i) => store.save('alice', 'triage', definition(`v ${i} {{input.q}}`))));
    expect(saved.map((s) => s.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await store.save('bob', 'triage', definition('bob {{input.q}}'));
    expect((await store.get('alice', 'triage'))?.version).toBe(20);
    const third = saved.find((s) => s.version === 3)!;
    expect((await store.get('alice', 'triage', 3))?.definition).toEqual(third.definition);
    expect((await store.get('bob', 'triage'))?.version).toBe(1);
    expect(await store.get('alice', 'triage', 99)).toBeUndefined();
    expect(await store.get('alice', 'other')).toBeUndefined();
    expect(await store.list('alice')).toEqual([{ name: 'triage', latest: 20 }]);
  });

  it('refuses to return a stored value that does not parse with the schema', async () => {
    const store = createDefinitionStore(redis, prefix);
    await redis.hset(
      pipelineKeys(prefix).definitions('carol'),
      'broken#latest',
      '1',
      'broken#1',
      JSON.stringify({ createdAt: 'x', definition: { steps: 'nope' } }),
    );
    await expect(store.get('carol', 'broken')).rejects.toThrow();
  });
});
