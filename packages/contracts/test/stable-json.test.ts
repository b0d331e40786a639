import { describe, expect, it } from 'vitest';
import { stableJson } from '../src/stable-json';

describe('stableJson', () => {
  it('gives one string for equal values built in any key order, nested too', () => {
    const a = { model: 'gpt-4o-mini', parameters: { temperature: 0, max_tokens: 50 }, list: [{ b: 1, a: 2 }] };
    const b = { list: [{ a: 2, b: 1 }], parameters: { max_tokens: 50, temperature: 0 }, model: 'gpt-4o-mini' };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(stableJson(a)).toBe('{"list":[{"a":2,"b":1}],"model":"gpt-4o-mini","parameters":{"max_tokens":50,"temperature":0}}');
  });

  it('drops undefined members as JSON does, and writes null for undefined in arrays and at the top', () => {
    expect(stableJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(stableJson(undefined)).toBe('null');
  });

  it('refuses a cycle instead of hashing a placeholder', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => stableJson(cycle)).toThrow(TypeError);
  });
});
