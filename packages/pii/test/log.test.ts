import { describe, expect, it } from 'vitest';
import { pinoRedactPaths, pinoScrubOptions, scrubLogValue } from '../src/index';

describe('scrubLogValue', () => {
  it('replaces secrets and PII inside strings, nested objects and arrays', () => {
    const input = {
      msg: 'login jane@example.com with sk-proj-abcdefghijklmnopqrstuvwxyz0123456789',
      nested: { list: ['card 4111 1111 1111 1111', 'ok'], n: 3 },
    };
    expect(scrubLogValue(input)).toEqual({
      msg: 'login [EMAIL] with [SECRET]',
      nested: { list: ['card [CREDIT_CARD]', 'ok'], n: 3 },
    });
  });

  it('returns the very same object when nothing is sensitive (no copy per clean line)', () => {
    const clean = { msg: 'job done', jobId: 'j-1', took: 42, tags: ['a'] };
    expect(scrubLogValue(clean)).toBe(clean);
  });

  it('scrubs error messages and stacks', () => {
    const err = new Error('connect postgres://app:hunter22@db:5432 failed');
    const out = scrubLogValue(err) as { message: string };
    expect(out.message).toBe('connect postgres://[SECRET]@db:5432 failed');
  });

  it('does not scan for names or birth dates (context types are too slow and noisy for logs)', () => {
    expect(scrubLogValue('Dear John, DOB: 1980-01-01')).toBe('Dear John, DOB: 1980-01-01');
  });

  it('pino hooks scrub the message arguments', () => {
    const seen: unknown[] = [];
    pinoScrubOptions.hooks.logMethod.call(null, ['sent to %s', 'jane@example.com'], (...a: unknown[]) => seen.push(...a));
    expect(seen).toEqual(['sent to %s', '[EMAIL]']);
  });
});

describe('pinoRedactPaths', () => {
  it('covers sensitive keys at the top level, three levels deep and in headers', () => {
    for (const p of ['password', '*.password', '*.*.*.apiKey', 'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', '*.token']) {
      expect(pinoRedactPaths).toContain(p);
    }
  });
  it('uses only path syntax pino accepts (identifiers, * and bracketed quoted keys)', () => {
    for (const p of pinoRedactPaths) expect(p).toMatch(/^(?:\*|[A-Za-z_][\w]*|\["[\w-]+"\])(?:\.(?:\*|[A-Za-z_]\w*)|\["[\w-]+"\])*$/);
  });
});
