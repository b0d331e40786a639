import { readFileSync } from 'node:fs';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { countTokens, countWithEncoding, type EncodingName } from '../src/index';

const corpus = new URL('../corpus/', import.meta.url);
interface Expected {
  files: Record<string, Record<EncodingName, { count: number; ids: number[]; gptTokenizerAgrees: boolean }>>;
}
const expected = JSON.parse(readFileSync(new URL('expected.json', corpus), 'utf8')) as Expected;
const files = Object.keys(expected.files);
const encodings: EncodingName[] = ['cl100k_base', 'o200k_base'];
const read = (file: string) => readFileSync(new URL(file, corpus), 'utf8');

describe('multilingual corpus against stored tiktoken reference output', () => {
  it('covers English, CJK, emoji, code, RTL, whitespace and mixed text', () => {
    expect(files).toEqual(expect.arrayContaining(['english.txt', 'cjk.txt', 'emoji.txt', 'code.txt', 'rtl.txt', 'whitespace.txt', 'mixed.txt']));
  });

  for (const file of files) {
    for (const encoding of encodings) {
      it(`${file} / ${encoding}: countWithEncoding equals the stored count`, () => {
        const ref = expected.files[file]?.[encoding];
        expect(ref).toBeDefined();
        expect(ref?.count).toBe(ref?.ids.length);
        expect(countWithEncoding(read(file), encoding)).toBe(ref?.count);
      });
    }
  }

  it('the installed tiktoken still produces the stored token ids', () => {
    for (const encoding of encodings) {
      const encoder = get_encoding(encoding);
      for (const file of files) {
        expect(Array.from(encoder.encode_ordinary(read(file))), `${file} ${encoding}`).toEqual(expected.files[file]?.[encoding].ids);
      }
      encoder.free();
    }
  });

  it('countTokens picks the encoding from the model name', () => {
    const text = read('cjk.txt');
    expect(countTokens(text, 'gpt-4o')).toBe(expected.files['cjk.txt']?.o200k_base.count);
    expect(countTokens(text, 'gpt-4.1-nano')).toBe(expected.files['cjk.txt']?.o200k_base.count);
    expect(countTokens(text, 'gpt-3.5-turbo')).toBe(expected.files['cjk.txt']?.cl100k_base.count);
    expect(countTokens(text, 'text-embedding-3-small')).toBe(expected.files['cjk.txt']?.cl100k_base.count);
    // The two encodings really differ on this text, so the model choice is observable.
    expect(expected.files['cjk.txt']?.o200k_base.count).not.toBe(expected.files['cjk.txt']?.cl100k_base.count);
  });
});
