import fc from 'fast-check';
import { get_encoding } from 'tiktoken';
import { afterAll, describe, expect, it } from 'vitest';
import { mixedText } from './arbitraries';
import { clearTokenCache, countChatTokens, countTokens, countWithEncoding, encodingForModel, type EncodingName } from '../src/index';

const reference = { cl100k_base: get_encoding('cl100k_base'), o200k_base: get_encoding('o200k_base') };
afterAll(() => Object.values(reference).forEach((e) => e.free()));

const encodingArb = fc.constantFrom<EncodingName>('cl100k_base', 'o200k_base');

describe('countWithEncoding', () => {
  it('equals tiktoken encode_ordinary on adversarial mixed text (both encodings)', () => {
    fc.assert(
      fc.property(mixedText, encodingArb, (text, encoding) => {
        expect(countWithEncoding(text, encoding)).toBe(reference[encoding].encode_ordinary(text).length);
      }),
      { numRuns: 1500 },
    );
  });

  it('equals tiktoken on arbitrary Unicode strings', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
    fc.assert(
      fc.property(anyText, encodingArb, (text, encoding) => {
        expect(countWithEncoding(text, encoding)).toBe(reference[encoding].encode_ordinary(text).length);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same counts with a cold cache as with a warm one', () => {
    const text = 'The same words, the same words, again and again.\n';
    const warm = countWithEncoding(text.repeat(50), 'o200k_base');
    clearTokenCache();
    expect(countWithEncoding(text.repeat(50), 'o200k_base')).toBe(warm);
    expect(warm).toBe(reference.o200k_base.encode_ordinary(text.repeat(50)).length);
  });

  it('stays exact when a large text of unseen pieces is handed to tiktoken part way', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const word = () => Array.from({ length: 3 + Math.floor(rand() * 8) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
    const text = Array.from({ length: 40_000 }, (_, i) => (i % 17 === 16 ? `${word()}.\n` : word())).join(' ');
    clearTokenCache();
    expect(countWithEncoding(text, 'o200k_base')).toBe(reference.o200k_base.encode_ordinary(text).length);
    expect(countWithEncoding(text, 'cl100k_base')).toBe(reference.cl100k_base.encode_ordinary(text).length);
  });

  it('counts special-token text as ordinary text and the empty string as 0', () => {
    expect(countTokens('<|endoftext|>')).toBeGreaterThan(1);
    expect(countTokens('')).toBe(0);
  });
});

describe('encodingForModel', () => {
  it('maps OpenAI families to their encodings', () => {
    expect(encodingForModel('gpt-4o-mini')).toBe('o200k_base');
    expect(encodingForModel('o4-mini')).toBe('o200k_base');
    expect(encodingForModel('gpt-4.1')).toBe('o200k_base');
    expect(encodingForModel('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(encodingForModel('text-embedding-3-large')).toBe('cl100k_base');
  });
});

describe('countChatTokens', () => {
  // The example conversation from OpenAI's cookbook "How to count tokens with tiktoken".
  const messages = [
    { role: 'system', content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
    { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
    { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
    { role: 'system', name: 'example_user', content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
    { role: 'system', name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
    { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
  ];

  it('matches the prompt_tokens the cookbook reports from the API', () => {
    expect(countChatTokens(messages, 'gpt-3.5-turbo')).toBe(129);
    expect(countChatTokens(messages, 'gpt-4o')).toBe(124);
    expect(countChatTokens(messages, 'gpt-4o-mini')).toBe(124);
  });

  it('counts text parts of array content and nothing for null content', () => {
    const asParts = [{ role: 'user', content: [{ type: 'text' as const, text: 'Hello there' }, { type: 'image_url' }] }];
    expect(countChatTokens(asParts, 'gpt-4o')).toBe(countChatTokens([{ role: 'user', content: 'Hello there' }], 'gpt-4o'));
    expect(countChatTokens([{ role: 'assistant', content: null }], 'gpt-4o')).toBe(3 + 3 + 1);
    expect(countChatTokens([], 'gpt-4o')).toBe(3);
  });
});
