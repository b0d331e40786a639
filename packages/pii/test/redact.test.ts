import { describe, expect, it } from 'vitest';
import { createMemoryVaultStore, createVault, defaultPolicy, maskValue, PiiPolicy, pseudonymize, redact } from '../src/index';

const HASH_KEY = Buffer.alloc(32, 3);

describe('redact', () => {
  it('applies a different action per type and keeps unlisted types', () => {
    const policy: PiiPolicy = { entities: { EMAIL: 'redact', CREDIT_CARD: 'mask', PHONE: 'hash' } };
    const out = redact('mail jane@example.com card 4111 1111 1111 1111 call +1 415 555 0123 ip 203.0.113.7', policy, { hashKey: HASH_KEY });
    expect(out.text).toMatch(/^mail \[EMAIL\] card \*\*\*\* \*\*\*\* \*\*\*\* 1111 call \[PHONE:[0-9a-f]{16}\] ip 203\.0\.113\.7$/);
    expect(out.entities.map((e) => e.type)).toEqual(['EMAIL', 'CREDIT_CARD', 'PHONE']);
  });

  it('hashes with the key: same key same digest, other key other digest', () => {
    const policy: PiiPolicy = { entities: { EMAIL: 'hash' } };
    const a = redact('x jane@example.com', policy, { hashKey: HASH_KEY }).text;
    expect(redact('y jane@example.com', policy, { hashKey: HASH_KEY }).text.slice(2)).toBe(a.slice(2));
    expect(redact('x jane@example.com', policy, { hashKey: Buffer.alloc(32, 4) }).text).not.toBe(a);
  });

  it('refuses to hash without a key rather than hashing unsalted', () => {
    expect(() => redact('jane@example.com', { entities: { EMAIL: 'hash' } })).toThrow(/hashKey/);
  });

  it('leaves allowlisted values (exact or by email domain, case-insensitive)', () => {
    const policy: PiiPolicy = { entities: { EMAIL: 'redact' }, allowlist: ['Support@Acme.com', '@acme.io'] };
    expect(redact('support@acme.com, sales@acme.io, bob@gmail.com', policy).text).toBe('support@acme.com, sales@acme.io, [EMAIL]');
  });

  it('masks all but the last four letters or digits, keeping separators', () => {
    expect(maskValue('4111-1111-1111-1234')).toBe('****-****-****-1234');
    expect(maskValue('abc')).toBe('abc');
    expect(maskValue('日本語テキスト')).toBe('***テキスト');
  });
});

describe('PiiPolicy schema', () => {
  it('accepts the default policy and survives a JSON round trip unchanged', () => {
    const parsed = PiiPolicy.parse(JSON.parse(JSON.stringify(defaultPolicy)));
    expect(parsed).toEqual(defaultPolicy);
  });
  it('rejects unknown entity types, actions and fields', () => {
    expect(PiiPolicy.safeParse({ entities: { NAME: 'redact' } }).success).toBe(false);
    expect(PiiPolicy.safeParse({ entities: { EMAIL: 'encrypt' } }).success).toBe(false);
    expect(PiiPolicy.safeParse({ entities: {}, extra: 1 }).success).toBe(false);
  });
});

describe('pseudonymize with mixed actions', () => {
  it('tokenizes only the pseudonymize types and applies the others', async () => {
    const vault = createVault({ key: Buffer.alloc(32, 1), store: createMemoryVaultStore() });
    const policy: PiiPolicy = { entities: { EMAIL: 'pseudonymize', CREDIT_CARD: 'redact', SSN: 'hash' } };
    const out = await pseudonymize('jane@example.com 4111111111111111 536-22-8714', { scope: 'j', policy, vault });
    expect(out.text).toMatch(/^<EMAIL_[1-9]\d{5}1> \[CREDIT_CARD\] \[SSN:[0-9a-f]{16}\]$/);
  });
});
