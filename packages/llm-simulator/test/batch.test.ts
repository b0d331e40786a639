import type OpenAI from 'openai';
import { toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

const s = useSimulator({ batchDelayMs: 40 });

afterEach(() => s.sim.configure({ batchExpireAfterLines: null, batchDelayMs: 40 }));

const chatLine = (id: string, content: string) =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', temperature: 0, messages: [{ role: 'user', content }] },
  });

async function upload(lines: string[]) {
  return s.client.files.create({ file: await toFile(Buffer.from(lines.join('\n') + '\n'), 'input.jsonl'), purpose: 'batch' });
}

/** Polls until the batch leaves its running states (bounded, so a stuck batch fails the test). */
async function settle(client: OpenAI, id: string) {
  for (let i = 0; i < 200; i++) {
    const batch = await client.batches.retrieve(id);
    if (!['validating', 'in_progress', 'finalizing', 'cancelling'].includes(batch.status)) return batch;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`batch ${id} did not settle`);
}

async function jsonl(fileId: string | null | undefined) {
  if (!fileId) return [];
  const text = await (await s.client.files.content(fileId)).text();
  return text
    .trim()
    .split('\n')
    .map(
      (l) => JSON.parse(l) as { custom_id: string; response: { status_code: number; body: Record<string, unknown> } | null; error: { code: string } | null },
    );
}

describe('Batch API over the real openai SDK', () => {
  it('runs every line through chat: output file, error file for bad lines, request counts', async () => {
    const file = await upload([
      chatLine('a', 'Reset the password for <EMAIL_1>'),
      chatLine('b', 'Summarise the incident report'),
      JSON.stringify({ custom_id: 'bad', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [] } }),
    ]);
    expect(file.purpose).toBe('batch');
    const created = await s.client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(created.status).toBe('validating');
    const done = await settle(s.client, created.id);
    expect(done.status).toBe('completed');
    expect(done.request_counts).toEqual({ total: 3, completed: 2, failed: 1 });
    const output = await jsonl(done.output_file_id);
    expect(output.map((l) => l.custom_id).sort()).toEqual(['a', 'b']);
    const a = output.find((l) => l.custom_id === 'a');
    expect(a?.response?.status_code).toBe(200);
    expect(JSON.stringify(a?.response?.body)).toContain('<EMAIL_1>');
    const errors = await jsonl(done.error_file_id);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.response?.status_code).toBe(400);
    expect(s.sim.log.list().filter((e) => e.batchId === created.id)).toHaveLength(3);
  });

  it('batches embeddings and lists batches newest first', async () => {
    const line = JSON.stringify({
      custom_id: 'e1',
      method: 'POST',
      url: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input: 'hello', dimensions: 8 },
    });
    const file = await upload([line]);
    const created = await s.client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    const done = await settle(s.client, created.id);
    const [out] = await jsonl(done.output_file_id);
    expect((out?.response?.body.data as { embedding: number[] }[])[0]?.embedding).toHaveLength(8);
    const page = await s.client.batches.list({ limit: 1 });
    expect(page.data[0]?.id).toBe(created.id);
  });

  it('expires with partial results when the expiry knob is set', async () => {
    s.sim.configure({ batchExpireAfterLines: 1 });
    const file = await upload([chatLine('x', 'one'), chatLine('y', 'two'), chatLine('z', 'three')]);
    const created = await s.client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const done = await settle(s.client, created.id);
    expect(done.status).toBe('expired');
    expect(done.request_counts).toEqual({ total: 3, completed: 1, failed: 2 });
    expect((await jsonl(done.output_file_id)).map((l) => l.custom_id)).toEqual(['x']);
    expect((await jsonl(done.error_file_id)).map((l) => l.error?.code)).toEqual(['batch_expired', 'batch_expired']);
  });

  it('cancels a running batch and fails a malformed file', async () => {
    s.sim.configure({ batchDelayMs: 60_000 }); // long enough that the cancel always lands first
    const file = await upload([chatLine('c', 'cancel me')]);
    const created = await s.client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const cancelling = await s.client.batches.cancel(created.id);
    expect(cancelling.status).toBe('cancelling');
    const cancelled = await settle(s.client, created.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.output_file_id).toBeFalsy();

    s.sim.configure({ batchDelayMs: 40 });
    const broken = await upload(['{not json']);
    const failed = await settle(
      s.client,
      (await s.client.batches.create({ input_file_id: broken.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id,
    );
    expect(failed.status).toBe('failed');
    expect(failed.errors?.data?.[0]?.code).toBe('invalid_json_line');
  });
});
