import { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

const state = useSimulator({ seed: 3 });

const pairs = Array.from({ length: 12 }, (_, i) => ({
  q: `What is the refund window for order type ${i}?`,
  a: `Orders of type ${i} can be refunded within ${10 + i} days (support policy ${i}).`,
}));
const jsonl = (lines: number) =>
  pairs
    .slice(0, lines)
    .map(({ q, a }) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: q },
          { role: 'assistant', content: a },
        ],
      }),
    )
    .join('\n');

async function upload(text: string) {
  return state.client.files.create({ file: await toFile(Buffer.from(text), 'train.jsonl'), purpose: 'fine-tune' });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const finished = (status: string) => ['succeeded', 'failed', 'cancelled'].includes(status);
const sim = () => state.sim.baseURL.replace(/\/v1$/, '');

describe('fine-tuning API', () => {
  it('validates, queues, trains and names a model; events tell the story; the tuned model answers differently, from what it learned', async () => {
    await fetch(`${sim()}/_sim/fine-tuning`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepMs: 40 }) });
    const file = await upload(jsonl(12));
    const created = await state.client.fineTuning.jobs.create({
      model: 'gpt-4o-mini',
      training_file: file.id,
      suffix: 'refunds',
      metadata: { owner: 'job-1' },
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 2 } } },
    });
    expect(created).toMatchObject({ status: 'validating_files', fine_tuned_model: null, metadata: { owner: 'job-1' } });
    const seen = new Set<string>();
    const done = await until(
      async () => {
        const job = await state.client.fineTuning.jobs.retrieve(created.id);
        seen.add(job.status);
        return job;
      },
      (job) => finished(job.status),
    );
    expect(done.status).toBe('succeeded');
    expect(done.fine_tuned_model).toMatch(/^ft:gpt-4o-mini:llm-simulator:refunds:[a-z0-9]+$/);
    expect(done.trained_tokens).toBeGreaterThan(12 * 20 * 2);
    expect(seen.has('running')).toBe(true);
    const events = (await state.client.fineTuning.jobs.listEvents(created.id, { limit: 50 })).data.map((event) => event.message);
    expect(events[0]).toBe('The job has successfully completed');
    expect(events).toContain('Fine-tuning job started');
    expect(events.at(-1)).toMatch(/^Validating training file/);
    expect((await state.client.fineTuning.jobs.list({ limit: 5 })).data[0]?.id).toBe(created.id);

    const ask = async (model: string, content: string) =>
      (await state.client.chat.completions.create({ model, temperature: 0, messages: [{ role: 'user', content }] })).choices[0]?.message.content;
    const tuned = done.fine_tuned_model!;
    // A training question gets its training answer; the base model's answer differs.
    expect(await ask(tuned, pairs[3]!.q)).toBe(pairs[3]!.a);
    expect(await ask('gpt-4o-mini', pairs[3]!.q)).not.toBe(pairs[3]!.a);
    // Unrelated questions get the tuned model's own style, the same every time.
    const other = await ask(tuned, 'Where is the nearest train station?');
    expect(other).toBe(await ask(tuned, 'Where is the nearest train station?'));
    expect(other).not.toBe(await ask('gpt-4o-mini', 'Where is the nearest train station?'));
    await expect(ask('ft:gpt-4o-mini:someone:else:123', 'hi')).rejects.toMatchObject({ status: 404 });
  });

  it('fails a job whose training file does not validate, and one the knob makes fail in training', async () => {
    const tooSmall = await state.client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: (await upload(jsonl(3))).id });
    const refused = await until(
      () => state.client.fineTuning.jobs.retrieve(tooSmall.id),
      (job) => finished(job.status),
    );
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'invalid_training_file' } });

    await fetch(`${sim()}/_sim/fine-tuning`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failTraining: true }) });
    const doomed = await state.client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: (await upload(jsonl(12))).id });
    await fetch(`${sim()}/_sim/fine-tuning`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failTraining: false }),
    });
    const failed = await until(
      () => state.client.fineTuning.jobs.retrieve(doomed.id),
      (job) => finished(job.status),
    );
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'training_failed' }, fine_tuned_model: null });
  });

  it('cancels a running job, refuses files of another purpose, and applies the fault knobs', async () => {
    await fetch(`${sim()}/_sim/fine-tuning`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepMs: 60_000 }) });
    const job = await state.client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: (await upload(jsonl(12))).id });
    expect((await state.client.fineTuning.jobs.cancel(job.id)).status).toBe('cancelled');
    await expect(state.client.fineTuning.jobs.cancel(job.id)).rejects.toMatchObject({ status: 400 });
    expect((await state.client.fineTuning.jobs.listEvents(job.id)).data[0]?.message).toBe('Job cancelled');

    const batchFile = await state.client.files.create({ file: await toFile(Buffer.from(jsonl(12)), 'b.jsonl'), purpose: 'batch' });
    await expect(state.client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: batchFile.id })).rejects.toMatchObject({ status: 400 });
    await expect(state.client.fineTuning.jobs.retrieve('ftjob-nope')).rejects.toMatchObject({ status: 404 });
    await expect(state.client.fineTuning.jobs.retrieve(job.id, { headers: { 'x-sim-fail-rate-429': '1' } })).rejects.toMatchObject({ status: 429 });
    await expect(state.client.fineTuning.jobs.retrieve(job.id, { headers: { 'x-sim-fail-rate-5xx': '1' } })).rejects.toMatchObject({ status: 500 });
  });
});
