/**
 * Writes corpus/expected.json: for every corpus/*.txt, the token ids and count of tiktoken's raw
 * encoder (`encode_ordinary`), cross-checked against gpt-tokenizer, an independent implementation.
 * Run once when the corpus changes: `pnpm exec tsx scripts/generate-expected.ts`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { get_encoding } from 'tiktoken';
import * as gptCl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as gptO200k from 'gpt-tokenizer/encoding/o200k_base';

const dir = new URL('../corpus/', import.meta.url);
const encodings = {
  cl100k_base: { tiktoken: get_encoding('cl100k_base'), gpt: gptCl100k },
  o200k_base: { tiktoken: get_encoding('o200k_base'), gpt: gptO200k },
} as const;
// gpt-tokenizer encodes special-token text as special tokens unless told none are special.
const ordinary = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

const files: Record<string, Record<string, { count: number; ids: number[]; gptTokenizerAgrees: boolean }>> = {};
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const text = readFileSync(new URL(file, dir), 'utf8');
  files[file] = {};
  for (const [name, enc] of Object.entries(encodings)) {
    const ids = Array.from(enc.tiktoken.encode_ordinary(text));
    const other = enc.gpt.encode(text, ordinary);
    const agrees = other.length === ids.length && other.every((id, i) => id === ids[i]);
    if (!agrees) console.warn(`${file} ${name}: gpt-tokenizer gives ${other.length} tokens, tiktoken ${ids.length}`);
    files[file][name] = { count: ids.length, ids, gptTokenizerAgrees: agrees };
  }
}
const generator = 'tiktoken 1.0.22 encode_ordinary, cross-checked with gpt-tokenizer 4.0.0';
writeFileSync(new URL('expected.json', dir), `${JSON.stringify({ generator, files })}\n`);
process.stdout.write(`wrote ${Object.keys(files).length} files\n`);
