import OpenAI, { APIConnectionTimeoutError, RateLimitError, type APIError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/index';
import { useSimulator } from './helpers';

const s = useSimulator({ seed: 1 });
const model = 'gpt-4o-mini';
const messages = [{ role: 'user' as const, content: 'Hello there' }];

afterEach(async () => {
  s.sim.configure(defaultConfig);
  await fetch(s.sim.baseURL.replace('/v1', '/_sim/reset-limits'), { method: 'POST' });
});

describe('fault injection and RPM/TPM limits', () => {
  it("answers injected 429s with OpenAI's retry and rate-limit headers", async () => {
    s.sim.configure({ failRate429: 1, retryAfterMs: 2500 });
    const err = await s.client.chat.completions.create({ model, messages }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    const headers = (err as RateLimitError).headers;
    expect(headers?.get('retry-after')).toBe('3');
    expect(headers?.get('retry-after-ms')).toBe('2500');
    expect(headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    for (const name of ['limit-requests', 'reset-requests', 'limit-tokens', 'remaining-tokens', 'reset-tokens']) {
      expect(headers?.get(`x-ratelimit-${name}`)).toBeTruthy();
    }
    expect((err as RateLimitError).error).toMatchObject({ code: 'rate_limit_exceeded' });
  });

  it('takes per-request header overrides and runtime config over HTTP', async () => {
    const err = (await s.client.chat.completions
      .create({ model, messages }, { headers: { 'x-sim-fail-rate-5xx': '1', 'x-sim-status-5xx': '503' } })
      .catch((e: unknown) => e)) as APIError;
    expect(err.status).toBe(503);
    expect((await s.client.chat.completions.create({ model, messages })).choices).toHaveLength(1);

    const configUrl = s.sim.baseURL.replace('/v1', '/_sim/config');
    const patched = await fetch(configUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failRate5xx: 1 }) });
    expect(((await patched.json()) as { failRate5xx: number }).failRate5xx).toBe(1);
    const again = (await s.client.chat.completions.create({ model, messages }).catch((e: unknown) => e)) as APIError;
    expect(again.status).toBe(500);
    const bad = await fetch(configUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failRate5xx: 3 }) });
    expect(bad.status).toBe(400);
  });

  it('injects faults at a seeded rate (about half of 200 calls at rate 0.5)', async () => {
    s.sim.configure({ failRate5xx: 0.5 });
    let failures = 0;
    for (let i = 0; i < 200; i++) {
      const chat = await fetch(`${s.sim.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer sim', 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages }),
      });
      await chat.text();
      if (chat.status === 500) failures++;
    }
    expect(failures).toBeGreaterThan(70);
    expect(failures).toBeLessThan(130);
  });

  it('hangs when told to, so the client times out', async () => {
    const client = new OpenAI({ baseURL: s.sim.baseURL, apiKey: 'sim', maxRetries: 0, timeout: 300 });
    const err = await client.chat.completions.create({ model, messages }, { headers: { 'x-sim-hang-rate': '1' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(s.sim.log.list().some((e) => e.fault === 'hang' && e.status === 0)).toBe(true);
  });

  it('enforces RPM over a rolling window with retry-after until capacity frees', async () => {
    s.sim.configure({ rpm: 2 });
    const first = await s.client.chat.completions.create({ model, messages }).withResponse();
    expect(first.response.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.response.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    await s.client.chat.completions.create({ model, messages });
    const err = (await s.client.chat.completions.create({ model, messages }).catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.message).toContain('requests per min (RPM)');
    const retryAfter = Number(err.headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(s.sim.log.list().at(-1)?.fault).toBe('rate-limited');
  });

  it('enforces TPM on prompt tokens + max_tokens', async () => {
    s.sim.configure({ tpm: 100 });
    await s.client.chat.completions.create({ model, messages, max_tokens: 40 }); // 9 + 40 = 49
    await s.client.chat.completions.create({ model, messages, max_tokens: 40 }); // 98
    const err = (await s.client.chat.completions.create({ model, messages, max_tokens: 40 }).catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.message).toContain('tokens per min (TPM)');
    expect(err.headers?.get('x-ratelimit-remaining-tokens')).toBe('2');
    // a small request still fits in what is left
    const small = await s.client.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
    expect(small.data).toHaveLength(1);
  });
});
