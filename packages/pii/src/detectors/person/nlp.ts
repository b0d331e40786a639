// The compromise part-of-speech tagger as a second opinion on candidates the lexicons cannot settle.
// Loaded on first use (~200 ms, ~10 MB); it tags ~0.25 MB/s, so callers give it a character budget.
import { createRequire } from 'node:module';
import { z } from 'zod';

const require = createRequire(import.meta.url);

const Sentences = z.array(
  z.object({
    terms: z.array(z.object({ tags: z.array(z.string()), offset: z.object({ start: z.number(), length: z.number() }) })),
  }),
);

interface NlpDocument {
  json(options: { offset: boolean; terms: { offset: boolean } }): unknown;
}
type Nlp = (text: string) => NlpDocument;

let loaded: Nlp | undefined;

function isNlp(value: unknown): value is Nlp {
  return typeof value === 'function';
}

/** Loads compromise (once). */
export function loadNlp(): Nlp {
  if (loaded === undefined) {
    const mod: unknown = require('compromise');
    if (!isNlp(mod)) throw new TypeError('compromise did not export its nlp() function');
    loaded = mod;
  }
  return loaded;
}

/** Offsets (relative to `window`) of the words compromise tags as a person. */
export function personRanges(window: string): [number, number][] {
  const sentences = Sentences.parse(loadNlp()(window).json({ offset: true, terms: { offset: true } }));
  const out: [number, number][] = [];
  for (const s of sentences) {
    for (const t of s.terms) if (t.tags.includes('Person')) out.push([t.offset.start, t.offset.start + t.offset.length]);
  }
  return out;
}

const WINDOW_REACH = 160;

/** The sentence around [start, end): up to the nearest . ! ? or newline, at most 160 characters each way. */
export function sentenceWindow(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < WINDOW_REACH && !'.!?\n'.includes(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WINDOW_REACH && !'!?\n'.includes(text.charAt(to))) {
    to++;
    if (text.charAt(to - 1) === '.' && /\s/.test(text.charAt(to))) break;
  }
  return [from, to];
}
