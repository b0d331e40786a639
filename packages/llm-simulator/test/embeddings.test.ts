import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { cosine, useSimulator } from './helpers';

const s = useSimulator();

describe('embeddings over the real openai SDK', () => {
  it('decodes the SDK default (base64) into the same vector as encoding_format float', async () => {
    const input = 'How do I reset my password?';
    const viaBase64 = await s.client.embeddings.create({ model: 'text-embedding-3-small', input });
    const viaFloat = await s.client.embeddings.create({ model: 'text-embedding-3-small', input, encoding_format: 'float' });
    const a = viaBase64.data[0]?.embedding ?? [];
    const b = viaFloat.data[0]?.embedding ?? [];
    expect(a).toHaveLength(1536);
    expect(Array.from(a)).toEqual(b);
    expect(viaFloat.usage.prompt_tokens).toBe(7);
    const norm = Math.sqrt(b.reduce((sum, x) => sum + x * x, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('is deterministic and sized per model and per the dimensions param', async () => {
    const large = await s.client.embeddings.create({ model: 'text-embedding-3-large', input: ['alpha', 'alpha'], encoding_format: 'float' });
    expect(large.data[0]?.embedding).toHaveLength(3072);
    expect(large.data[0]?.embedding).toEqual(large.data[1]?.embedding);
    const small = await s.client.embeddings.create({ model: 'text-embedding-3-small', input: 'alpha', dimensions: 256 });
    expect(small.data[0]?.embedding).toHaveLength(256);
  });

  it('keeps lexical similarity: a light rephrase > 0.8, unrelated text < 0.3', async () => {
    const res = await s.client.embeddings.create({
      model: 'text-embedding-3-small',
      input: [
        'How do I reset my password?',
        'How can I reset my password?',
        'The quarterly revenue grew by 12 percent in Europe.',
        'Kubernetes schedules pods onto nodes in the cluster.',
      ],
    });
    const [a, b, c, d] = res.data.map((e) => e.embedding);
    expect(cosine(a ?? [], b ?? [])).toBeGreaterThan(0.8);
    expect(cosine(a ?? [], c ?? [])).toBeLessThan(0.3);
    expect(cosine(c ?? [], d ?? [])).toBeLessThan(0.3);
  });

  it("enforces OpenAI's per-request limits with its 400 error shape", async () => {
    const tooMany = await s.client.embeddings
      .create({ model: 'text-embedding-3-small', input: Array.from({ length: 2049 }, () => 'x') })
      .catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(APIError);
    expect((tooMany as APIError).status).toBe(400);
    expect((tooMany as APIError).error).toMatchObject({ type: 'invalid_request_error', param: 'input' });

    const longInput = 'word '.repeat(9000);
    const tooLong = (await s.client.embeddings.create({ model: 'text-embedding-3-small', input: longInput }).catch((e: unknown) => e)) as APIError;
    expect(tooLong.status).toBe(400);
    expect(tooLong.code).toBe('context_length_exceeded');

    const perInputOk = 'word '.repeat(8000);
    const tooMuch = (await s.client.embeddings
      .create({ model: 'text-embedding-3-small', input: Array.from({ length: 38 }, () => perInputOk) })
      .catch((e: unknown) => e)) as APIError;
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.code).toBe('max_tokens_per_request');
    expect(tooMuch.message).toContain('max 300000 tokens per request');
  });

  it('rejects dimensions above the native size and a missing API key', async () => {
    const big = (await s.client.embeddings.create({ model: 'text-embedding-3-small', input: 'a', dimensions: 2000 }).catch((e: unknown) => e)) as APIError;
    expect(big.status).toBe(400);
    expect(big.param).toBe('dimensions');
    const res = await fetch(`${s.sim.baseURL}/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'missing_api_key' } });
  });
});
