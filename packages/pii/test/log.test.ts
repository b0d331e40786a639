import { describe, expect, it } from 'vitest';
import { containsPii, pinoRedactPaths, pinoScrubOptions, scrubLogValue, scrubMessage } from '../src/index';

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

describe('normalized detection in logs', () => {
  it('scrubs evasion forms: zero-width splits, fullwidth digits, homoglyphs, obfuscated addresses', () => {
    expect(scrubLogValue('user ja\u200bne@example.com')).toBe('user [EMAIL]');
    expect(scrubLogValue('card ４１１１ １１１１ １１１１ １１１１')).toBe('card [CREDIT_CARD]');
    expect(scrubLogValue('reset for p\u0430ypal@example.com')).toBe('reset for [EMAIL]');
    expect(scrubLogValue('mail jane [at] example [dot] com')).toBe('mail [EMAIL]');
  });
  it('scrubs wallets and secret URLs but keeps plain URLs readable', () => {
    expect(scrubLogValue('to 0xde709f2102306220921060314715629080e2fb77 via https://api.example.com/v1/chat')).toBe(
      'to [CRYPTO_WALLET] via https://api.example.com/v1/chat',
    );
    expect(scrubLogValue('GET https://s3.example.com/k?X-Amz-Signature=abcdef0123 failed')).toBe('GET [SECRET] failed');
  });
});

describe('containsPii and scrubMessage', () => {
  it('flags ids and names that carry personal data or secrets, including evasion forms', () => {
    for (const id of [
      'jane@example.com',
      '4111-1111-1111-1111',
      'de89370400440532013000',
      'ja\u200bne@example.com',
      'sk-proj-abcdefghijklmnopqrstuvwxyz0123',
      'https://example.com/u/jane',
    ]) {
      expect([id, containsPii(id)]).toEqual([id, true]);
    }
  });
  it('passes ordinary ids and names', () => {
    for (const id of ['job-2024-03-15', 'collection_docs_v2', 'my-eval-run', 'tenant-acme', 'Quarterly report 2024', '东京的数据', 'build 4.1.2']) {
      expect([id, containsPii(id)]).toEqual([id, false]);
    }
  });
  it('scrubMessage replaces PII in an error message and cuts a huge one first', () => {
    expect(scrubMessage("Invalid value 'jane@example.com' at items[3]")).toBe("Invalid value '[EMAIL]' at items[3]");
    const huge = `bad ${'x'.repeat(50_000)} jane@example.com`;
    expect(scrubMessage(huge).length).toBeLessThanOrEqual(10_001);
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
