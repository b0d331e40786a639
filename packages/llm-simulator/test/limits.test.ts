import { describe, expect, it } from 'vitest';
import { formatReset, RateLimiter } from '../src/limits';

describe('RateLimiter (rolling 60 s window, fake clock)', () => {
  it('frees request capacity when the oldest request leaves the window', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const limits = { rpm: 2, tpm: null };
    expect(limiter.admit(0, limits).ok).toBe(true);
    now = 10_000;
    expect(limiter.admit(0, limits).ok).toBe(true);
    now = 20_000;
    const denied = limiter.admit(0, limits);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.retryAfterMs).toBe(40_000);
    now = 60_001;
    expect(limiter.admit(0, limits).ok).toBe(true);
  });

  it('says when enough tokens free up, and refuses a request larger than the whole limit', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const limits = { rpm: null, tpm: 1000 };
    limiter.admit(600, limits);
    now = 5_000;
    limiter.admit(300, limits);
    now = 6_000;
    const denied = limiter.admit(500, limits); // needs 400 freed: only when the 600 leaves at 60 s
    expect(denied.ok).toBe(false);
    if (!denied.ok) {
      expect(denied.retryAfterMs).toBe(54_000);
      expect(denied.headers['x-ratelimit-remaining-tokens']).toBe('100');
    }
    expect(limiter.admit(100, limits).ok).toBe(true);
    expect(limiter.admit(5000, limits).ok).toBe(false);
  });

  it("formats resets in OpenAI's style", () => {
    expect(formatReset(17)).toBe('17ms');
    expect(formatReset(1000)).toBe('1s');
    expect(formatReset(360_000)).toBe('6m0s');
    expect(formatReset(90_500)).toBe('1m30.5s');
  });
});
