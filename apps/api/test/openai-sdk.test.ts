import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpValues, waitFor } from '@llmops/testing';
import { OpenAiBatch, OpenAiChatCompletion, OpenAiEmbeddingList, OpenAiFile } from '../src/features/openai/responses';
import { auth, keys, redisUrl, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// Must-show 2 of issue 15: the official openai SDK, pointed at the front door with a tenant key, runs
// chat (plain and streamed), embeddings and a Batch API round trip unchanged, through the platform's
// cache, PII protection, limits and ledger.

let harness: PlatformHarness;
let client: OpenAI;
beforeAll(async () => {
  harness = await startPlatform('openai-sdk', { simulator: { latencyMs: 5, batchDelayMs: 200 } });
  await harness.startWorker();
  client = new OpenAI({ apiKey: keys.alice, baseURL: `${harness.api.url}/openai/v1`, maxRetries: 0 });
}, 60_000);
afterAll(() => harness?.close());

const log = () => harness.simulator.log.list();
const chatCalls = () => log().filter((entry) => entry.path.endsWith('/chat/completions') && entry.batchId === null).length;

describe('the openai SDK against /openai/v1', () => {
  it('answers a chat completion, and a repeated prompt from the cache with one provider call', async () => {
    const messages = [
      { role: 'system' as const, content: 'Answer briefly.' },
      { role: 'user' as const, content: 'Which pumps in district four need a new seal this quarter?' },
    ];
    const before = chatCalls();
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0, max_tokens: 200 });
    expect(first.object).toBe('chat.completion');
    // The SDK hands over the JSON as sent: it is the documented shape.
    expect(() => OpenAiChatCompletion.parse(first)).not.toThrow();
    expect(first.choices[0]?.message.content).toMatch(/pumps/i);
    expect(first.usage?.prompt_tokens).toBeGreaterThan(0);

    const { data: again, response } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0, max_tokens: 200 }).withResponse();
    expect(again.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(response.headers.get('x-llmops-cache')).toBe('hit');
    expect(again.usage?.total_tokens).toBe(0);
    expect(chatCalls() - before).toBe(1);
  }, 60_000);

  it('streams a completion as chunks the SDK iterates, ending with usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'List three checks before restarting a compressor after maintenance' }],
      temperature: 0,
      max_tokens: 300,
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (choice?.delta.content) pieces.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toMatch(/compressor/i);
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  }, 60_000);

  it('never lets a PII canary reach the provider, and gives it back in the answer', async () => {
    const canary = 'canary.front.door@example.com';
    const answer = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Draft a two-line reply to ${canary} confirming receipt of the invoice.` }],
      temperature: 0,
      max_tokens: 200,
    });
    expect(answer.choices[0]?.message.content).toContain(canary);

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Summarise the complaint from ${canary} in one line.` }],
      stream: true,
    });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toContain(canary);

    const embedded = await client.embeddings.create({ model: 'text-embedding-3-small', input: [`Contact ${canary} about the renewal`] });
    expect(embedded.data).toHaveLength(1);

    expect(JSON.stringify(log())).not.toContain(canary);
    expect(JSON.stringify(log())).toContain('<EMAIL_');
    expect(await dumpValues(redisUrl, harness.prefix)).not.toContain(canary);
  }, 60_000);

  it('embeds through the SDK (its default base64 and floats), lexically similar texts close together', async () => {
    const texts = ['How do I reset my password?', 'How can I reset my password?', 'Quarterly revenue grew by four percent'];
    const viaBase64 = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts, dimensions: 256 });
    const viaFloat = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts[0]!, dimensions: 256, encoding_format: 'float' });
    expect(viaBase64.object).toBe('list');
    expect(() => OpenAiEmbeddingList.parse(viaFloat)).not.toThrow();
    expect(viaBase64.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const [a, b, c] = viaBase64.data.map((d) => Array.from(d.embedding));
    expect(a).toHaveLength(256);
    const cosine = (x: number[], y: number[]) => x.reduce((sum, v, i) => sum + v * y[i]!, 0);
    expect(cosine(a!, b!)).toBeGreaterThan(0.7);
    expect(cosine(a!, c!)).toBeLessThan(0.3);
    // float32 on the wire (base64) against JSON numbers: the same vector.
    viaFloat.data[0]!.embedding.forEach((value, i) => expect(value).toBeCloseTo(a![i]!, 6));
    expect(viaBase64.usage.prompt_tokens).toBeGreaterThan(0);
  }, 60_000);

  it('runs a Batch API round trip: upload, create, poll, download output with custom_ids, and the canary restored', async () => {
    const canary = 'batch.canary.77@example.net';
    const questions = ['Explain what a heat exchanger does', 'Name two causes of pump cavitation', `Write a one-line thank-you note to ${canary}`];
    const jsonl = questions
      .map((content, i) =>
        JSON.stringify({
          custom_id: `request-${i + 1}`,
          method: 'POST',
          url: '/v1/chat/completions',
          body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content }], max_tokens: 150 },
        }),
      )
      .join('\n');
    const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), 'questions.jsonl'), purpose: 'batch' });
    expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'questions.jsonl', bytes: Buffer.byteLength(jsonl) });
    expect(() => OpenAiFile.parse(file)).not.toThrow();
    expect((await client.files.retrieve(file.id)).id).toBe(file.id);
    expect((await client.files.list()).data.map((f) => f.id)).toContain(file.id);

    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { project: 'seal audit' },
    });
    expect(created).toMatchObject({
      object: 'batch',
      status: 'in_progress',
      input_file_id: file.id,
      request_counts: { total: 3 },
      metadata: { project: 'seal audit' },
    });

    const done = await waitFor(
      async () => {
        const batch = await client.batches.retrieve(created.id);
        if (['failed', 'expired', 'cancelled'].includes(batch.status)) throw new Error(`batch ${batch.status}: ${JSON.stringify(batch.errors)}`);
        return batch.status === 'completed' ? batch : undefined;
      },
      { what: 'batch completed', timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(done.request_counts).toEqual({ total: 3, completed: 3, failed: 0 });
    expect(() => OpenAiBatch.parse(done)).not.toThrow();
    expect(done.error_file_id).toBeNull();
    expect((await client.batches.list()).data.map((b) => b.id)).toContain(created.id);

    const output = await (await client.files.content(done.output_file_id!)).text();
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { custom_id: string; error: unknown; response: { status_code: number; body: OpenAI.ChatCompletion } });
    expect(lines.map((line) => line.custom_id).sort()).toEqual(['request-1', 'request-2', 'request-3']);
    expect(lines.every((line) => line.response.status_code === 200 && line.error === null)).toBe(true);
    const thanks = lines.find((line) => line.custom_id === 'request-3')!;
    expect(thanks.response.body.choices[0]?.message.content).toContain(canary);
    expect((await client.files.retrieve(done.output_file_id!)).bytes).toBe(Buffer.byteLength(output));

    // The lines went to the provider's Batch API, pseudonymized.
    const batchLines = log().filter((entry) => entry.batchId !== null);
    expect(batchLines.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(log())).not.toContain(canary);
    expect(await dumpValues(redisUrl, harness.prefix)).not.toContain(canary);
    // The input file reads back as it was sent.
    expect((await (await client.files.content(file.id)).text()).trim()).toBe(jsonl);
    await client.files.delete(file.id);
    await expect(client.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  }, 180_000);

  it("cancels a batch whose provider batch is still running; bob cannot see alice's batch", async () => {
    harness.simulator.configure({ batchDelayMs: 600_000 });
    try {
      const jsonl = JSON.stringify({
        custom_id: 'slow-1',
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Describe the slowest valve in the plant' }] },
      });
      const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), 'slow.jsonl'), purpose: 'batch' });
      const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
      await waitFor(() => log().some((entry) => entry.path.endsWith('/batches') && entry.method === 'POST'), {
        what: 'the provider batch submitted',
        timeoutMs: 60_000,
      });

      const bob = new OpenAI({ apiKey: keys.bob, baseURL: `${harness.api.url}/openai/v1`, maxRetries: 0 });
      await expect(bob.batches.retrieve(batch.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(bob.files.content(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);

      // The SDK sends this POST without a body, unchanged.
      const cancelling = await client.batches.cancel(batch.id);
      expect(['cancelling', 'cancelled']).toContain(cancelling.status);
      const cancelled = await waitFor(
        async () => {
          const current = await client.batches.retrieve(batch.id);
          return current.status === 'cancelled' ? current : undefined;
        },
        { what: 'batch cancelled', timeoutMs: 60_000 },
      );
      expect(cancelled.request_counts).toMatchObject({ total: 1, completed: 0, failed: 1 });
      const errors = await (await client.files.content(cancelled.error_file_id!)).text();
      expect(JSON.parse(errors.trim())).toMatchObject({ custom_id: 'slow-1', response: null, error: { code: 'not_run' } });
    } finally {
      harness.simulator.configure({ batchDelayMs: 200 });
    }
  }, 120_000);

  it('lists the models requests may name', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'text-embedding-3-small']));
    expect(await client.models.retrieve('gpt-4o-mini')).toMatchObject({ id: 'gpt-4o-mini', object: 'model' });
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("shows the front door's calls in /v1/usage, by job type", async () => {
    const response = await fetch(`${harness.api.url}/v1/usage`, { headers: auth(keys.alice) });
    const usage = (await response.json()) as { days: { jobType: string; model: string; requests: number; inputTokens: number }[] };
    const row = (jobType: string, model: string) => usage.days.find((day) => day.jobType === jobType && day.model === model);
    // Chat completions and batches are inference jobs; embeddings are billed as `embeddings`.
    expect(row('inference', 'gpt-4o-mini')?.requests).toBeGreaterThanOrEqual(4);
    expect(row('embeddings', 'text-embedding-3-small')?.requests).toBeGreaterThanOrEqual(3);
    expect(row('embeddings', 'text-embedding-3-small')?.inputTokens).toBeGreaterThan(0);
  });
});
