// Splits text into runs of capitalised words that could be one name: "Jane Doe", "J. R. R. Tolkien",
// "Ludwig van Beethoven". One pass of one regex with bounded quantifiers (no nesting), so the work
// is linear in the text; each capitalised word costs one small object.
import { PARTICLES } from './lists/non-names';

export type TokenKind = 'word' | 'initial' | 'caps' | 'code';

export interface Token {
  start: number;
  /** End of the word, without a possessive "'s". */
  end: number;
  text: string;
  kind: TokenKind;
  /** Joined to the previous token through a particle ("van", "de la"). */
  viaParticle: boolean;
}

/** Longest run of tokens considered as one name candidate; longer title-case runs are cut. */
export const MAX_RUN = 12;

// An initial ("J." or "J.R."), a lower-case prefixed surname ("al-Sayed", "d'Arcy") or a capitalised
// word of at most 41 letters. Not inside a Latin/Greek/Cyrillic word, a number, an email or a path.
const WORD =
  /(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\p{Nd}_@#$/\\])(?:\p{Lu}\.(?:\p{Lu}\.){0,3}|(?:al|el|ad|as|ash|ibn|d|l)['’-]\p{Lu}[\p{L}\p{M}'’-]{0,40}|\p{Lu}[\p{L}\p{M}'’-]{0,40})/gu;
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;
const NAME_PREFIX = /^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|O['’]|D['’])/;
const HAS_LOWER = /\p{Ll}/u;
// A word character of a spaced script: a word followed by one was cut at 41 letters or is glued to more.
const LETTER_OR_DIGIT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\p{Nd}]/u;
// Characters that glue a word into code: "Foo(", "foo_bar", "a=b", "x/y" ("<" is not one: "<b>Jane</b>").
const CODE_NEXT = new Set(['_', '(', '[', '{', '=', '/', '\\', '@', '#', '$', '%', '`']);
const PARTICLE_GAP = /^[ \t]([\p{Ll}.]{1,5})(?:[ \t]([\p{Ll}.]{1,5}))?[ \t]$/u;

function isCode(text: string, start: number, end: number, word: string): boolean {
  const next = text.charAt(end);
  if (next !== '' && (CODE_NEXT.has(next) || (next >= '0' && next <= '9') || LETTER_OR_DIGIT.test(next))) return true;
  // "Console.WriteLine", "example.John": a dot glued to letters on either side.
  if (next === '.' && LETTER_OR_DIGIT.test(text.charAt(end + 1))) return true;
  if (text.charAt(start - 1) === '.' && LETTER_OR_DIGIT.test(text.charAt(start - 2))) return true;
  if (text.charAt(start - 1) === '<') return true; // pseudonym tokens and tags: <PERSON_1>, <Foo>
  const prefix = NAME_PREFIX.exec(word);
  return INNER_CAPITAL.test(prefix ? word.slice(prefix[0].length) : word);
}

function tokenAt(text: string, start: number, raw: string): Token {
  let end = start + raw.length;
  let word = raw;
  if (raw.charAt(1) === '.') return { start, end, text: raw, kind: 'initial', viaParticle: false };
  // A possessive or a dangling apostrophe/hyphen is not part of the name.
  const trimmed = word.replace(/['’][sS]$/, '').replace(/['’-]+$/, '');
  if (trimmed.length !== word.length) {
    end = start + trimmed.length;
    word = trimmed;
  }
  const codeEnd = start + raw.length;
  let kind: TokenKind = 'word';
  if (word.length === 0 || isCode(text, start, codeEnd, word)) kind = 'code';
  else if (word.length === 1) kind = word === 'I' || word === 'A' ? 'word' : 'initial';
  else if (!HAS_LOWER.test(word)) kind = 'caps';
  return { start, end, text: word, kind, viaParticle: false };
}

/** Whether `next` continues the run ending in `prev`; sets `next.viaParticle`. */
function joins(text: string, prev: Token, next: Token): boolean {
  if (prev.kind === 'code' || next.kind === 'code') return false;
  const gap = next.start - prev.end;
  if (gap === 0) return prev.kind === 'initial'; // "J.Smith"
  if (gap === 1) {
    const c = text.charAt(prev.end);
    return c === ' ' || c === '\u00a0' || c === '\t';
  }
  if (gap > 14 || prev.kind === 'initial') return false;
  const m = PARTICLE_GAP.exec(text.slice(prev.end, next.start));
  if (!m || !PARTICLES.has(m[1] ?? '') || (m[2] !== undefined && !PARTICLES.has(m[2]))) return false;
  next.viaParticle = true;
  return true;
}

/**
 * Calls `onRun` for each maximal run of joinable capitalised tokens (at most MAX_RUN long), in order.
 * Returns the number of tokens seen.
 */
export function scanRuns(text: string, onRun: (run: Token[]) => void): number {
  let run: Token[] = [];
  let count = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    count++;
    const token = tokenAt(text, m.index, m[0]);
    const last = run[run.length - 1];
    if (last !== undefined && (run.length >= MAX_RUN || !joins(text, last, token))) {
      onRun(run);
      run = [];
    }
    run.push(token);
  }
  if (run.length > 0) onRun(run);
  return count;
}
