import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// The front door answers in OpenAI's error shape with the statuses the openai SDK maps to its error
// classes and retry rules, and enforces the tenant's limits and budgets like every /v1 route.

const tenants = {
  carol: 'carol-key-0123456789', // a budget too small for anything
  dave: 'dave-key-01234567890', // two requests, then a slow refill
  erin: 'erin-key-01234567890', // 600 bytes of storage
  frank: 'frank-key-0123456789', // one provider call per job
  gina: 'gina-key-01234567890', // no special limits: her only job is the abandoned one
};
const limits = {
  carol: { budget: { day: { usd: '0.000001' } } },
  dave: { rate: { perSecond: 0.01, burst: 2 } },
  erin: { storage: { maxWaitingBytes: 600 } },
  frank: { work: { maxCallsPerJob: 1 } },
};

let harness: PlatformHarness;
const sdk = (key: string, maxRetries = 0) => new OpenAI({ apiKey: key, baseURL: `${harness.api.url}/openai/v1`, maxRetries });
beforeAll(async () => {
  harness = await startPlatform('openai-errors', { tenants, env: { TENANT_LIMITS: JSON.stringify(limits) }, simulator: { latencyMs: 5 } });
  await harness.startWorker();
}, 60_000);
afterAll(() => harness?.close());

const ask = (content: string) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content }], max_tokens: 50 });
async function caught(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  return error as InstanceType<typeof OpenAI.APIError>;
}
const jsonl = (...lines: unknown[]) => lines.map((line) => JSON.stringify(line)).join('\n');
const line = (customId: string, content: string) => ({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: ask(content) });

describe('front door errors, in OpenAI shape', () => {
  it('401 for a missing or unknown key: AuthenticationError, invalid_api_key', async () => {
    const error = await caught(sdk('not-a-key-0000000000').chat.completions.create(ask('hello')));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    const raw = await fetch(`${harness.api.url}/openai/v1/files`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
  });

  it('400 names the parameter: unsupported ones, unknown models, bad fields, token ids', async () => {
    const client = sdk(keys.alice);
    const tools = await caught(client.chat.completions.create({ ...ask('hi'), tools: [{ type: 'function', function: { name: 'f' } }] }));
    expect(tools).toBeInstanceOf(OpenAI.BadRequestError);
    expect(tools).toMatchObject({ param: 'tools', code: 'unsupported_parameter' });
    expect(await caught(client.chat.completions.create({ ...ask('hi'), model: 'no-such-model' }))).toMatchObject({ status: 400, param: 'model' });
    expect(await caught(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }))).toMatchObject({ status: 400, param: 'messages' });
    expect(await caught(client.embeddings.create({ model: 'text-embedding-3-small', input: [[1, 2, 3]] }))).toMatchObject({ status: 400, param: 'input' });
    expect(await caught(client.embeddings.create({ model: 'gpt-4o-mini', input: 'chat model' }))).toMatchObject({ status: 400, param: 'model' });
  });

  it('refuses a bad batch file naming its line, and a custom_id carrying personal data without echoing it', async () => {
    const client = sdk(keys.alice);
    const broken = jsonl(line('a', 'fine'), { custom_id: 'b', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini' } });
    const bad = await caught(client.files.create({ file: await toFile(Buffer.from(broken), 'b.jsonl'), purpose: 'batch' }));
    expect(bad).toMatchObject({ status: 400, param: 'file' });
    expect(bad.message).toMatch(/line 2: body\.messages/);
    const personal = 'jane.roe@example.com';
    const leak = await caught(client.files.create({ file: await toFile(Buffer.from(jsonl(line(personal, 'hello'))), 'c.jsonl'), purpose: 'batch' }));
    expect(leak).toMatchObject({ status: 400, param: 'file' });
    expect(JSON.stringify(leak.error)).not.toContain(personal);
    const twice = await caught(client.files.create({ file: await toFile(Buffer.from(jsonl(line('x', 'a'), line('x', 'b'))), 'd.jsonl'), purpose: 'batch' }));
    expect(twice.message).toMatch(/line 2: custom_id: used by an earlier line/);
    expect(await caught(client.files.create({ file: await toFile(Buffer.from(jsonl(line('a', 'b'))), 'e.jsonl'), purpose: 'fine-tune' }))).toMatchObject({
      status: 400,
      param: 'purpose',
    });
  });

  it('refuses personal data in an identifier field (user) before anything is enqueued or sent', async () => {
    const personal = 'jane.roe@example.com';
    const before = harness.simulator.log.list().length;
    const refused = await caught(sdk(keys.alice).chat.completions.create({ ...ask('hello'), user: personal }));
    expect(refused).toMatchObject({ status: 400, param: 'user' });
    expect(JSON.stringify(refused.error)).not.toContain(personal);
    expect(harness.simulator.log.list().length).toBe(before);
  });

  it("402 when the tenant's budget cannot hold the request: nothing is enqueued or sent", async () => {
    const before = harness.simulator.log.list().length;
    const chat = await caught(sdk(tenants.carol).chat.completions.create(ask('What does the budget cover?')));
    expect(chat).toMatchObject({ status: 402, type: 'insufficient_quota', code: 'budget_exceeded' });
    expect(chat.message).toMatch(/budget\.day\.usd/);
    const embedding = await caught(sdk(tenants.carol).embeddings.create({ model: 'text-embedding-3-small', input: 'a'.repeat(4_000) }));
    expect(embedding).toMatchObject({ status: 402, type: 'insufficient_quota' });
    expect(harness.simulator.log.list().length).toBe(before);
    const jobs = (await (await fetch(`${harness.api.url}/v1/jobs`, { headers: auth(tenants.carol) })).json()) as { jobs: unknown[] };
    expect(jobs.jobs).toEqual([]);
  });

  it('429 with Retry-After over the request rate: RateLimitError', async () => {
    const client = sdk(tenants.dave);
    await client.files.list();
    await client.files.list();
    const error = await caught(client.files.list());
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(0);
  });

  it('holds uploaded bytes against the storage limit until the file is deleted', async () => {
    const client = sdk(tenants.erin);
    const storage = async () =>
      ((await (await fetch(`${harness.api.url}/v1/limits`, { headers: auth(tenants.erin) })).json()) as { storage: { used: number } }).storage.used;
    const small = await client.files.create({ file: await toFile(Buffer.from(jsonl(line('s1', 'Summarise the pump log'))), 'small.jsonl'), purpose: 'batch' });
    const held = await storage();
    expect(held).toBeGreaterThan(0);
    const big = jsonl(...Array.from({ length: 6 }, (_, i) => line(`b${i}`, 'Summarise the maintenance log of the north pumping station')));
    const refused = await caught(client.files.create({ file: await toFile(Buffer.from(big), 'big.jsonl'), purpose: 'batch' }));
    expect(refused).toMatchObject({ status: 429, code: 'limit_exceeded' });
    expect(refused.message).toMatch(/storage\.maxWaitingBytes/);
    await client.files.delete(small.id);
    expect(await storage()).toBe(0);
  });

  it('413 when a request passes a work cap', async () => {
    const error = await caught(sdk(tenants.frank).chat.completions.create(ask('One call for generation, one for the cache lookup')));
    expect(error).toMatchObject({ status: 413, code: 'work_too_large' });
    expect(error.message).toMatch(/work\.maxCallsPerJob/);
  });

  it('a failed job is a 502 the SDK does not retry: the job already used its retries', async () => {
    harness.simulator.configure({ quotaExhausted: true });
    try {
      const jobsOf = async () => ((await (await fetch(`${harness.api.url}/v1/jobs`, { headers: auth(keys.bob) })).json()) as { jobs: unknown[] }).jobs.length;
      const before = await jobsOf();
      const error = await caught(sdk(keys.bob, 2).chat.completions.create(ask('Will this ever be answered by the provider?')));
      expect(error).toBeInstanceOf(OpenAI.InternalServerError);
      expect(error).toMatchObject({ status: 502, type: 'server_error', code: 'job_failed' });
      expect(error.headers?.get('x-should-retry')).toBe('false');
      expect(await jobsOf()).toBe(before + 1);
    } finally {
      harness.simulator.configure({ quotaExhausted: false });
    }
  }, 60_000);

  it('cancels the job of a chat completion whose client went away', async () => {
    harness.simulator.configure({ latencyMs: 60_000 });
    try {
      const gone = new AbortController();
      const pending = fetch(`${harness.api.url}/openai/v1/chat/completions`, {
        method: 'POST',
        headers: json(tenants.gina),
        body: JSON.stringify(ask('A question nobody waits for')),
        signal: gone.signal,
      }).catch(() => undefined);
      const jobOf = async () =>
        ((await (await fetch(`${harness.api.url}/v1/jobs`, { headers: auth(tenants.gina) })).json()) as { jobs: { id: string; state: string }[] }).jobs[0];
      const job = await waitFor(async () => ((await jobOf())?.state === 'active' ? jobOf() : undefined), { what: 'the chat job running', timeoutMs: 30_000 });
      gone.abort();
      await pending;
      await waitFor(async () => (await jobOf())?.state === 'cancelled', { what: `job ${job?.id} cancelled`, timeoutMs: 30_000 });
    } finally {
      harness.simulator.configure({ latencyMs: 5 });
    }
  }, 60_000);

  it('replays a chat completion for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const client = sdk(keys.bob);
    const headers = { 'Idempotency-Key': 'front-door-idem-1' };
    const first = await client.chat.completions.create(ask('Which filters are due this week?'), { headers }).withResponse();
    const again = await client.chat.completions.create(ask('Which filters are due this week?'), { headers }).withResponse();
    expect(again.response.headers.get('x-llmops-job-id')).toBe(first.response.headers.get('x-llmops-job-id'));
    expect(again.data.choices[0]?.message.content).toBe(first.data.choices[0]?.message.content);
    const other = await caught(client.chat.completions.create(ask('Something else entirely'), { headers }));
    expect(other).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  }, 60_000);
});
