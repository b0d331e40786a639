import { createHash } from 'node:crypto';

/** PII placeholders issued by @llmops/pii, e.g. `<EMAIL_3>`; `<DOC_*>` (RAG passages, another scope) are left alone. */
const TOKEN = /<(?!DOC_)([A-Z][A-Z_]*?)_(\d+)>/g;

/** A prompt whose pseudonym tokens were renumbered 1, 2, ... per entity type in order of appearance. */
export interface CanonicalText {
  /** The text with canonical tokens (`<EMAIL_1>` is the first email of THIS text). */
  text: string;
  /** canonical token -> the token it replaced (the asker's own token in its vault scope). */
  toOriginal: Map<string, string>;
}

/**
 * Renumbers pseudonym tokens per type by order of first appearance. Two users asking the same thing
 * about their own data get the same canonical prompt, so a cached answer can be mapped back onto each
 * asker's own tokens (and restored with the asker's vault scope, never the first asker's).
 */
export function canonicalize(text: string, seed?: CanonicalText): CanonicalText {
  const toOriginal = new Map(seed?.toOriginal);
  const toCanonical = new Map([...toOriginal].map(([canonical, original]) => [original, canonical]));
  const counters = new Map<string, number>();
  for (const canonical of toOriginal.keys()) {
    const match = /^<(.+)_(\d+)>$/.exec(canonical);
    if (match) counters.set(match[1]!, Math.max(counters.get(match[1]!) ?? 0, Number(match[2])));
  }
  const out = text.replace(TOKEN, (token: string, type: string) => {
    let canonical = toCanonical.get(token);
    if (!canonical) {
      const n = (counters.get(type) ?? 0) + 1;
      counters.set(type, n);
      canonical = `<${type}_${n}>`;
      toCanonical.set(token, canonical);
      toOriginal.set(canonical, token);
    }
    return canonical;
  });
  return { text: out, toOriginal };
}

/**
 * Maps a canonical answer back onto the asker's tokens. Returns undefined when the answer names a
 * token the asker's prompt does not have (a semantic hit about someone with more data): that answer
 * cannot be the asker's, so the caller treats it as a miss.
 */
export function decanonicalize(text: string, toOriginal: ReadonlyMap<string, string>): string | undefined {
  let unmapped = false;
  const out = text.replace(TOKEN, (token: string) => {
    const original = toOriginal.get(token);
    if (original === undefined) unmapped = true;
    return original ?? token;
  });
  return unmapped ? undefined : out;
}

/** Case- and whitespace-insensitive form used for the exact-match key. */
export function normalizePrompt(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` scope the same (the platform's one canonical JSON). */
export { stableJson } from '@llmops/contracts';

/** Numbers and pseudonym tokens of a text, in order: what a paraphrase must keep to mean the same. */
export function literalsOf(text: string): string {
  return (text.match(/<[A-Z][A-Z_]*_\d+>|\d+(?:[.,]\d+)*/g) ?? []).join('|');
}
