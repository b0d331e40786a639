/** Word-level text helpers shared by embeddings, answers and the judge. */

/** Lower-cased words (letters/digits, inner apostrophes kept), in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
}

/** PII placeholders such as `<EMAIL_1>` or `<PERSON_12>`, in order of first appearance. */
export function placeholders(text: string): string[] {
  return [...new Set(text.match(/<[A-Z][A-Z0-9_]*_\d+>/g) ?? [])];
}

// Short English function words: they carry little meaning, so answers and the judge skip them
// and embeddings weight them down.
export const STOPWORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from as is are was were be been being ' +
    'it its this that these those i me my we our you your he she they them their his her what which who ' +
    'whom how why when where do does did can could should would will shall may might must not no so than ' +
    'too very just about into over under again there here all any some such only own same other also up ' +
    'down out off more most each few both please tell give me let us am has have had having ' +
    "i'm you're it's don't doesn't isn't"
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** Content words: not stopwords, not one-letter tokens. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}
