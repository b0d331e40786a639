import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { callWithRetries, classifyError, FatalError, RateLimitedError, RetriableError, retryAfterFromHeaders } from '../src/index';

function apiError(status: number, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { message: `status ${status}` }, undefined, new Headers(headers));
}

describe('error classification', () => {
  it('maps statuses to the three classes', () => {
    expect(classifyError(apiError(500))).toBeInstanceOf(RetriableError);
    expect(classifyError(apiError(503))).toBeInstanceOf(RetriableError);
    expect(classifyError(apiError(408))).toBeInstanceOf(RetriableError);
    expect(classifyError(apiError(400))).toBeInstanceOf(FatalError);
    expect(classifyError(apiError(401))).toBeInstanceOf(FatalError);
    const limited = classifyError(apiError(429, { 'retry-after': '3' }));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(3_000);
    expect(classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeInstanceOf(RetriableError);
  });

  it('reads every retry hint the providers send', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1_500);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(
      retryAfterFromHeaders(
        new Headers({
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '6m0s',
          'x-ratelimit-remaining-requests': '5',
          'x-ratelimit-reset-requests': '20ms',
        }),
      ),
    ).toBe(360_000);
    expect(retryAfterFromHeaders(new Headers({ 'x-ratelimit-reset-requests': '1.5s' }))).toBe(1_500);
    expect(retryAfterFromHeaders(new Headers())).toBeUndefined();
  });
});

describe('callWithRetries', () => {
  const fakeClock = () => {
    let t = 0;
    const slept: number[] = [];
    return { now: () => t, sleep: async (ms: number) => void (slept.push(ms), (t += ms)), slept };
  };

  it('retries 5xx and 429 until success, waiting at least the Retry-After', async () => {
    const clock = fakeClock();
    const failures = [apiError(500), apiError(429, { 'retry-after-ms': '700' })];
    const result = await callWithRetries(
      async () => {
        const next = failures.shift();
        if (next) throw next;
        return 'ok';
      },
      { baseDelayMs: 100 },
      { ...clock, random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([50, 700]);
  });

  it('does not retry fatal errors', async () => {
    let calls = 0;
    const error = await callWithRetries(async () => {
      calls++;
      throw apiError(400);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect(calls).toBe(1);
  });

  it('throws the classified error once attempts or elapsed time run out', async () => {
    const clock = fakeClock();
    let calls = 0;
    const error = await callWithRetries(
      async () => {
        calls++;
        throw apiError(502);
      },
      { maxAttempts: 4 },
      clock,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriableError);
    expect(calls).toBe(4);

    const limited = await callWithRetries(
      async () => {
        throw apiError(429, { 'retry-after': '30' });
      },
      { maxElapsedMs: 10_000 },
      fakeClock(),
    ).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(30_000);
  });

  it('backs off with full jitter under a growing cap', async () => {
    const clock = fakeClock();
    let calls = 0;
    await callWithRetries(
      async () => {
        if (++calls < 6) throw apiError(503);
        return 1;
      },
      { baseDelayMs: 100, maxDelayMs: 1_000 },
      { ...clock, random: () => 0.999 },
    );
    expect(clock.slept).toEqual([99, 199, 399, 799, 999]);
  });
});
