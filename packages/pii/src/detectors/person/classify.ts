// What a capitalised token is, by the lexicons: never a name, a common word, a (possibly ambiguous)
// given name or surname, or unknown.
import { wordKey, type Lexicon } from './lexicon';
import { NAME_LABELS, TITLES } from './lists/cue-words';
import { EXTRA_COMMON, NEVER_NAME } from './lists/non-names';
import type { Token } from './scan';

export interface WordClass {
  /** stop: never part of a name; common: a common word no lexicon lists as a name. */
  readonly cls: 'stop' | 'common' | 'name' | 'unknown' | 'initial' | 'particle';
  readonly given: boolean;
  readonly surname: boolean;
  /** A name that is also a frequent word, a place or a brand ("Will", "Paris", "Ford"). */
  readonly ambiguous: boolean;
  /** Ambiguous because it is a place, a brand or a month ("Paris", "Alexa", "June"), not just a word. */
  readonly placeOrBrand?: boolean;
  /** Written in capitals ("SMITH"): a name only after a strong cue. */
  readonly caps: boolean;
}

const STOP: WordClass = { cls: 'stop', given: false, surname: false, ambiguous: false, caps: false };
const COMMON: WordClass = { cls: 'common', given: false, surname: false, ambiguous: false, caps: false };
const UNKNOWN: WordClass = { cls: 'unknown', given: false, surname: false, ambiguous: false, caps: false };
const INITIAL: WordClass = { cls: 'initial', given: false, surname: false, ambiguous: false, caps: false };
/** A capitalised particle inside a name: "De Vries", "Van Dyke". */
export const PARTICLE: WordClass = { cls: 'particle', given: false, surname: false, ambiguous: false, caps: false };
/** A common word taken as the surname after a clean given name: "Anne-Sophie Mutter". */
export const COMMON_SURNAME: WordClass = { cls: 'name', given: false, surname: true, ambiguous: true, caps: false };
/** Name-shaped surnames: "al-Sayed", "O'Connor", "d'Arcy", "McAllister". */
const SURNAME_SHAPE: WordClass = { cls: 'name', given: false, surname: true, ambiguous: false, caps: false };
const SURNAME_PREFIXES = new Set(['al', 'el', 'ad', 'as', 'ash', 'ibn', 'd', 'l', 'o', 'mc']);

function lookupCompound(key: string, lex: Lexicon): WordClass {
  const parts = key.split(/['-]/).filter((p) => p.length > 0);
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 2 && SURNAME_PREFIXES.has(first)) return SURNAME_SHAPE;
  if (parts.some((p) => NEVER_NAME.has(p))) return STOP; // "Reply-To", "Follow-Up"
  // Parts of one or two letters ("Tô", "Li") are too ambiguous to make a compound a name.
  const known = (set: ReadonlySet<string>, p: string): boolean => p.length >= 3 && set.has(p);
  const given = known(lex.given, first);
  const surname = known(lex.surnames, last) || known(lex.surnames, first) || (given && known(lex.given, last));
  if (given || surname) return { cls: 'name', given, surname, ambiguous: false, caps: false };
  return parts.every((p) => lex.common.has(p) || NEVER_NAME.has(p)) ? COMMON : UNKNOWN;
}

function lookup(key: string, lex: Lexicon): WordClass {
  if (NEVER_NAME.has(key) || TITLES.has(key) || NAME_LABELS.has(key)) return STOP;
  const given = lex.given.has(key);
  const surname = lex.surnames.has(key);
  if (given || surname) {
    const placeOrBrand = lex.ambiguous.has(key) || EXTRA_COMMON.has(key);
    const ambiguous = placeOrBrand || key.length <= 2 || lex.frequent.has(key);
    return { cls: 'name', given, surname, ambiguous, placeOrBrand, caps: false };
  }
  if (key.includes('-') || key.includes("'")) return lookupCompound(key, lex);
  if (lex.common.has(key)) return COMMON;
  if (key.startsWith('mc') && key.length > 4) return SURNAME_SHAPE;
  return UNKNOWN;
}

/** Classifies one token. */
export function classify(token: Token, lex: Lexicon): WordClass {
  switch (token.kind) {
    case 'code':
      return STOP;
    case 'initial':
      return INITIAL;
    case 'caps':
      return { ...lookup(wordKey(token.text), lex), caps: true };
    case 'word':
      return lookup(wordKey(token.text), lex);
  }
}
