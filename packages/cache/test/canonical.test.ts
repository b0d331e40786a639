import { describe, expect, it } from 'vitest';
import { cacheCollectionName, canonicalize, decanonicalize, defaultThreshold, embeddingId, embedParams, FALLBACK_THRESHOLD } from '../src';

describe('canonical tokens', () => {
  it("maps one asker's tokens onto another's by type and order", () => {
    const first = canonicalize('Mail <EMAIL_7> and <PERSON_3>, cc <EMAIL_2>');
    const second = canonicalize('mail <EMAIL_1> and <PERSON_9>, cc <EMAIL_4>');
    expect(first.text).toBe('Mail <EMAIL_1> and <PERSON_1>, cc <EMAIL_2>');
    expect(second.text.toLowerCase()).toBe(first.text.toLowerCase());
    expect(decanonicalize('Sent to <EMAIL_1> for <PERSON_1>', second.toOriginal)).toBe('Sent to <EMAIL_1> for <PERSON_9>');
    expect(decanonicalize('Sent to <EMAIL_3>', second.toOriginal)).toBeUndefined();
  });
});

describe('embeddings', () => {
  it('gives every embedding its own collection and default threshold', () => {
    const small = { model: 'text-embedding-3-small', dimensions: 256 };
    const full = { model: 'text-embedding-3-small', dimensions: 1536 };
    expect(embeddingId(small)).toBe('text-embedding-3-small@256');
    expect(cacheCollectionName(small)).not.toBe(cacheCollectionName(full));
    expect(cacheCollectionName({ model: 'org/Some Model:v2', dimensions: 64 })).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/);
    expect(defaultThreshold({ model: 'never-calibrated', dimensions: 64 })).toBe(FALLBACK_THRESHOLD);
    expect(defaultThreshold(small, { 'text-embedding-3-small@256': 0.81, 'text-embedding-3-small': 0.9 })).toBe(0.81);
    expect(defaultThreshold(full, { 'text-embedding-3-small@256': 0.81, 'text-embedding-3-small': 0.9 })).toBe(0.9);
    expect(embedParams(small)).toEqual({ model: 'text-embedding-3-small', dimensions: 256 });
    expect(embedParams({ model: 'text-embedding-ada-002', dimensions: 1536 })).toEqual({ model: 'text-embedding-ada-002' });
  });
});
