import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A labelled prompt pair: `same` when a cached answer for `a` would be right for `b`. */
export const LabelledPair = z.strictObject({ a: z.string().min(1), b: z.string().min(1), same: z.boolean() });
export type LabelledPair = z.infer<typeof LabelledPair>;

/** Parses JSON lines of labelled pairs; a bad line throws naming its line number. */
export function parsePairs(jsonl: string): LabelledPair[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = LabelledPair.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`cache-pairs line ${number}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** The repo's labelled set (packages/eval/corpus/cache-pairs.jsonl, 200 pairs). */
export function loadCachePairs(): LabelledPair[] {
  return parsePairs(readFileSync(new URL('../corpus/cache-pairs.jsonl', import.meta.url), 'utf8'));
}
