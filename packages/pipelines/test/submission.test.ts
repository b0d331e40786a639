import { PipelineDefinition, pipelineInputsKey } from '@llmops/contracts';
import { piiScope } from '@llmops/ingest';
import { createRedis } from '@llmops/redis';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionScope, inputIssues, preparePipelineJob, resultsForOwner, type SavedPipeline, type VaultMaps } from '../src/index';
import { REDIS_URL } from '@llmops/services/testing';

// A vault with one entry per scope: the scope's token stands for the email (as the real vault's pseudonyms do).
const email = 'jane@acme.example';
const tokenIn = (scope: string) => `<EMAIL_${scope.length}>`;
const vault: VaultMaps = {
  protect: (_tenant, scope) => async (text) => text.split(email).join(tokenIn(scope)),
  restore: (scope) => async (text) => text.split(tokenIn(scope)).join(email),
};

const signedBy = (signature: string) =>
  PipelineDefinition.parse({
    inputs: ['ticket'],
    steps: [
      { id: 'context', type: 'retrieve', collection: 'kb', query: '{{input.ticket}}' },
      { id: 'reply', type: 'generate', model: 'gpt-4o-mini', system: `Sign as ${signature}`, prompt: 'Answer {{input.ticket}} using {{context}}' },
    ],
    output: { reply: '{{reply}}' },
  });
const definition = signedBy(email);

describe('pipeline submission', () => {
  const prefix = uniquePrefix('pipelines-submission');
  const redis = createRedis({ url: REDIS_URL, role: 'client' });
  const store = { redis, prefix, retentionSeconds: 600 };
  afterAll(async () => {
    await deleteKeys(REDIS_URL, prefix);
    redis.disconnect();
  });

  it('stores every input and the definition pseudonymized with the job as scope, placeholders kept', async () => {
    const inputs = [{ ticket: `refund for ${email}` }, { ticket: 'where is my order' }];
    const payload = await preparePipelineJob(store, vault, { tenant: 'acme', definition, inputs }, 'job-1');
    expect(payload.inputCount).toBe(2);
    expect(JSON.stringify(payload)).not.toContain(email);
    expect(payload.definition.steps[1]).toMatchObject({ system: `Sign as ${tokenIn('job-1')}`, prompt: 'Answer {{input.ticket}} using {{context}}' });
    const stored = await redis.hgetall(pipelineInputsKey(prefix, 'job-1'));
    expect(stored).toEqual({ '0': JSON.stringify({ ticket: `refund for ${tokenIn('job-1')}` }), '1': JSON.stringify({ ticket: 'where is my order' }) });
    expect(await redis.ttl(pipelineInputsKey(prefix, 'job-1'))).toBeGreaterThan(0);
  });

  it("a saved version is restored from the tenant's definition scope, then pseudonymized with the job's", async () => {
    const savedScope = definitionScope('acme');
    const saved: SavedPipeline = {
      name: 'support',
      version: 2,
      createdAt: new Date(0).toISOString(),
      definition: signedBy(tokenIn(savedScope)),
    };
    const payload = await preparePipelineJob(store, vault, { tenant: 'acme', definition: saved.definition, saved, inputs: [{ ticket: 'hi' }] }, 'job-22');
    expect(payload.source).toEqual({ name: 'support', version: 2 });
    expect(payload.definition.steps[1]).toMatchObject({ system: `Sign as ${tokenIn('job-22')}` });
  });

  it("gives the owner results back with the job's and the collections' pseudonyms restored", async () => {
    const restore = resultsForOwner(vault, 'acme', 'job-1', definition);
    const docToken = tokenIn(piiScope('acme', 'kb')).replace('<', '<DOC_');
    const items = await restore([{ id: '0', result: { output: { reply: `Hello ${tokenIn('job-1')}, see ${docToken}` }, steps: [] } }]);
    expect(items[0]!.result).toEqual({ output: { reply: `Hello ${email}, see ${email}` }, steps: [] });
  });

  it('names each input that misses a declared variable or gives undeclared ones', () => {
    expect(inputIssues(definition, [{ ticket: 'ok' }, {}, { ticket: 'x', extra: 'y' }], 'body.inputs')).toEqual([
      { path: 'body.inputs.1', message: 'missing input variable "ticket"' },
      { path: 'body.inputs.2', message: '1 variable(s) the definition does not declare in `inputs`' },
    ]);
  });
});
