import type { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useSimulator } from './helpers';

const s = useSimulator();
const model = 'gpt-4o-mini';
const ask = (content: string) => [{ role: 'user' as const, content }];

describe('chat completions over the real openai SDK', () => {
  it('echoes the key terms of the last user message, PII placeholders included', async () => {
    const res = await s.client.chat.completions.create({
      model,
      temperature: 0,
      messages: [
        { role: 'system', content: 'You are a support assistant.' },
        { role: 'user', content: 'Write to <EMAIL_1> and <PERSON_2> about the refund for invoice 8841.' },
      ],
    });
    const answer = res.choices[0]?.message.content ?? '';
    expect(answer).toContain('<EMAIL_1>');
    expect(answer).toContain('<PERSON_2>');
    expect(answer).toContain('refund');
    expect(res.system_fingerprint).toBe('llm-simulator');
    expect(res.choices[0]?.finish_reason).toBe('stop');
  });

  it('counts prompt tokens like OpenAI (3 per message + role + content, 3 to prime the reply)', async () => {
    const res = await s.client.chat.completions.create({ model, temperature: 0, messages: ask('Hello world') });
    // "user" = 1 token, "Hello world" = 2 tokens: 3 + (3 + 1 + 2) = 9
    expect(res.usage?.prompt_tokens).toBe(9);
    expect(res.usage?.total_tokens).toBe((res.usage?.prompt_tokens ?? 0) + (res.usage?.completion_tokens ?? 0));
  });

  it('gives identical answers at temperature 0 and seeded, reproducible variation above it', async () => {
    const messages = ask('Summarise the quarterly revenue report for the board meeting.');
    const cold = await s.client.chat.completions.create({ model, messages, temperature: 0, n: 3 });
    const coldTexts = cold.choices.map((c) => c.message.content);
    expect(new Set(coldTexts).size).toBe(1);

    const warm = await s.client.chat.completions.create({ model, messages, temperature: 1, seed: 7, n: 3 });
    const warmTexts = warm.choices.map((c) => c.message.content);
    expect(warm.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(warmTexts).size).toBeGreaterThan(1);
    const again = await s.client.chat.completions.create({ model, messages, temperature: 1, seed: 7, n: 3 });
    expect(again.choices.map((c) => c.message.content)).toEqual(warmTexts);
    const otherSeed = await s.client.chat.completions.create({ model, messages, temperature: 1, seed: 8, n: 3 });
    expect(otherSeed.choices.map((c) => c.message.content)).not.toEqual(warmTexts);
    for (const text of warmTexts) expect(text).toContain('revenue');
  });

  it('samples differently on repeated seedless calls at temperature > 0', async () => {
    const messages = ask('Explain vector databases to a new engineer.');
    const answers = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await s.client.chat.completions.create({ model, messages, temperature: 0.7 });
      answers.add(res.choices[0]?.message.content ?? '');
    }
    expect(answers.size).toBeGreaterThan(1);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const res = await s.client.chat.completions.create({
      model,
      temperature: 0,
      max_completion_tokens: 3,
      messages: ask('Describe the deployment pipeline for the payments service in detail.'),
    });
    expect(res.choices[0]?.finish_reason).toBe('length');
    expect(res.usage?.completion_tokens).toBe(3);
  });

  it('streams SSE chunks that add up to the non-streamed answer, with a final usage chunk', async () => {
    const messages = ask('List the steps to rotate an API key safely.');
    const whole = await s.client.chat.completions.create({ model, messages, temperature: 0 });
    const stream = await s.client.chat.completions.create({ model, messages, temperature: 0, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let chunks = 0;
    let finish: string | null = null;
    let usage: { prompt_tokens: number; completion_tokens: number } | null | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: whole.usage?.prompt_tokens, completion_tokens: whole.usage?.completion_tokens });
  });

  it('returns a value that validates against a json_schema response_format', async () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string', maxLength: 20 },
        rating: { type: 'integer', minimum: 1, maximum: 5 },
        confidence: { type: 'number', minimum: 0.5, maximum: 0.9 },
        urgent: { type: 'boolean' },
        category: { type: 'string', enum: ['billing', 'tech', 'other'] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 4 },
        owner: { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'], additionalProperties: false },
      },
      required: ['title', 'rating', 'confidence', 'urgent', 'category', 'tags', 'owner'],
      additionalProperties: false,
    };
    const res = await s.client.chat.completions.create({
      model,
      messages: ask('Classify this ticket: my invoice was charged twice.'),
      response_format: { type: 'json_schema', json_schema: { name: 'ticket', schema, strict: true } },
    });
    const value = JSON.parse(res.choices[0]?.message.content ?? 'null');
    const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    expect(validator.safeParse(value).success).toBe(true);
    expect(value.tags.length).toBeGreaterThanOrEqual(2);
  });

  it('returns a JSON object for json_object mode', async () => {
    const res = await s.client.chat.completions.create({
      model,
      temperature: 0,
      messages: ask('Return the status as JSON.'),
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(res.choices[0]?.message.content ?? '')).toHaveProperty('answer');
  });

  it('names itself a simulator in /v1/models and rejects bad bodies with the field in param', async () => {
    const models = await s.client.models.list();
    expect(models.data.length).toBeGreaterThan(3);
    expect(models.data.every((m) => m.owned_by === 'llm-simulator')).toBe(true);
    const err = (await s.client.chat.completions.create({ model, messages: [] }).catch((e: unknown) => e)) as APIError;
    expect(err.status).toBe(400);
    expect(err.param).toBe('messages');
    expect(err.type).toBe('invalid_request_error');
  });
});
