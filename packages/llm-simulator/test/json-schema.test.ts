import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateValue, type JsonSchema } from '../src/index';
import { rngFor } from '../src/random';

const schemas: Record<string, JsonSchema> = {
  refsAndUnions: {
    type: 'object',
    $defs: {
      item: {
        type: 'object',
        properties: { sku: { type: 'string', minLength: 3 }, qty: { type: 'integer', exclusiveMinimum: 0, maximum: 9 } },
        required: ['sku', 'qty'],
        additionalProperties: false,
      },
    },
    properties: {
      items: { type: 'array', items: { $ref: '#/$defs/item' }, minItems: 1, maxItems: 3 },
      note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      kind: { const: 'order' },
      price: { type: 'number', minimum: 10, maximum: 20, multipleOf: 0.5 },
      nickname: { type: ['string', 'null'], maxLength: 5 },
    },
    required: ['items', 'note', 'kind', 'price', 'nickname'],
    additionalProperties: false,
  },
  enumsAndBooleans: {
    type: 'object',
    properties: {
      level: { type: 'string', enum: ['low', 'mid', 'high'] },
      flags: { type: 'array', items: { type: 'boolean' }, minItems: 3, maxItems: 3 },
      id: { type: 'string', format: 'uuid' },
      when: { type: 'string', format: 'date-time' },
    },
    required: ['level', 'flags', 'id', 'when'],
    additionalProperties: false,
  },
};

describe('json-schema value generator', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`generates valid values for ${name} across seeds`, () => {
      const validator = z.fromJSONSchema(schema);
      for (let seed = 0; seed < 25; seed++) {
        const value = generateValue(schema, { rng: rngFor(seed), answer: 'A simulated answer about invoices.', terms: ['invoice', 'refund'] });
        const result = validator.safeParse(value);
        expect(result.success, `${JSON.stringify(value)} ${result.error?.message ?? ''}`).toBe(true);
      }
    });
  }

  it('fills answer-like strings with the answer and other strings with key terms', () => {
    const value = generateValue(
      { type: 'object', properties: { answer: { type: 'string' }, topic: { type: 'string' } }, required: ['answer', 'topic'] },
      { rng: rngFor(1), answer: 'About <EMAIL_1> and refunds.', terms: ['<EMAIL_1>'] },
    ) as { answer: string; topic: string };
    expect(value.answer).toBe('About <EMAIL_1> and refunds.');
    expect(value.topic).toBe('<EMAIL_1>');
  });
});
