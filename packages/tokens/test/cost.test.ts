import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { costOf, createModelRegistry, defaultModelRegistry, formatUsd, fromNanoUsd, nanoToUsdString, toNanoUsd, usdStringToNano } from '../src/index';

describe('costOf', () => {
  it('prices input, cached input and output exactly', () => {
    // gpt-4o-mini: $0.15 in, $0.075 cached, $0.60 out per 1M tokens.
    const cost = costOf('gpt-4o-mini', { inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 500_000 });
    expect(cost.toFixed()).toBe(new Decimal('0.09').plus('0.03').plus('0.3').toFixed());
    expect(costOf('gpt-4o-mini', { inputTokens: 1 }).toFixed()).toBe('0.00000015');
  });

  it('uses batch prices when asked, and takes a ModelInfo or a registry', () => {
    expect(costOf('gpt-4.1', { inputTokens: 2_000_000, outputTokens: 1_000_000, batch: true }).toFixed()).toBe('6');
    expect(costOf(defaultModelRegistry.require('text-embedding-3-small'), { inputTokens: 300_000 }).toFixed()).toBe('0.006');
    const registry = createModelRegistry([{ name: 'local', kind: 'chat', contextWindow: 8192, maxOutputTokens: 1024 }]);
    expect(costOf('local', { inputTokens: 5000, outputTokens: 500 }, registry).isZero()).toBe(true);
  });

  it('rejects impossible usage and unknown models', () => {
    expect(() => costOf('gpt-4o', { inputTokens: 10, cachedInputTokens: 11 })).toThrow(RangeError);
    expect(() => costOf('gpt-4o', { inputTokens: -1 })).toThrow(RangeError);
    expect(() => costOf('gpt-4o', { inputTokens: 1.5 })).toThrow(RangeError);
    expect(() => costOf('gpt-99', { inputTokens: 1 })).toThrow(/gpt-99/);
  });
});

describe('nano-dollars', () => {
  it('summing a million small costs is exact, where floats drift', () => {
    // One token of gpt-4.1-nano cached input ($0.025/M) and one of output ($0.40/M), a million times.
    const costs = [1, 2, 3].map((outputTokens) => costOf('gpt-4.1-nano', { inputTokens: 1, cachedInputTokens: 1, outputTokens }));
    let sum = new Decimal(0);
    let nano = 0n;
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const c = costs[i % 3] ?? new Decimal(NaN);
      sum = sum.plus(c);
      nano += toNanoUsd(c);
      float += c.toNumber();
    }
    // Exact: 1e6 * 0.025e-6 + (333334*1 + 333333*2 + 333333*3) * 0.4e-6
    const expected = new Decimal('0.025').plus(new Decimal(333_334 + 333_333 * 2 + 333_333 * 3).times('0.4e-6'));
    expect(sum.toFixed()).toBe(expected.toFixed());
    expect(nano).toBe(BigInt(expected.times(1e9).toFixed()));
    expect(fromNanoUsd(nano).toFixed()).toBe(expected.toFixed());
    expect(float).not.toBe(expected.toNumber()); // what the ledger would have stored with floats
  }, 60_000);

  it('round-trips through strings and numbers as Redis returns them', () => {
    const cost = costOf('o4-mini', { inputTokens: 12_345, cachedInputTokens: 1000, outputTokens: 678 });
    const nano = toNanoUsd(cost);
    expect(fromNanoUsd(nano.toString()).equals(cost)).toBe(true);
    expect(fromNanoUsd(Number(nano)).equals(cost)).toBe(true);
    expect(() => fromNanoUsd('1.5')).toThrow(RangeError);
  });

  it('rounds sub-nano amounts half-even by default', () => {
    expect(toNanoUsd(new Decimal('0.0000000025'))).toBe(2n);
    expect(toNanoUsd(new Decimal('0.0000000035'))).toBe(4n);
    expect(toNanoUsd(new Decimal('0.0000000025'), Decimal.ROUND_UP)).toBe(3n);
  });
});

describe('formatUsd', () => {
  it('formats for people', () => {
    expect(formatUsd(new Decimal('1234.5'))).toBe('$1,234.50');
    expect(formatUsd(new Decimal('0.000125'))).toBe('$0.000125');
    expect(formatUsd(new Decimal('0.0000001'))).toBe('$0.00');
    expect(formatUsd(new Decimal('-3'))).toBe('-$3.00');
    expect(formatUsd(new Decimal('1234567.891'), { maxDecimals: 2 })).toBe('$1,234,567.89');
  });
});

describe('nano-USD strings', () => {
  it('formats and parses exactly, both ways', () => {
    expect(nanoToUsdString(1_234n)).toBe('0.000001234');
    expect(nanoToUsdString(-12_000_000_001n)).toBe('-12.000000001');
    expect(usdStringToNano('0.000001234')).toBe(1_234n);
    expect(usdStringToNano('1.5')).toBe(1_500_000_000n);
    for (const nano of [0n, 1n, 999_999_999n, 123_456_789_012n]) expect(usdStringToNano(nanoToUsdString(nano))).toBe(nano);
    expect(() => usdStringToNano('1.2.3')).toThrow(RangeError);
  });
});
