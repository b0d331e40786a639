// Context that makes a capitalised run a person: the few words before it (read backwards, at most
// ~110 characters) and sticky regexes at its end (bounded quantifiers). Constant work per candidate.
import {
  BY_VERBS,
  CLOSINGS,
  GREETINGS,
  NAME_LABELS,
  PERSON_QUALIFIERS,
  SELF_STRONG,
  SELF_WEAK,
  TITLES,
  TO_VERBS,
  VERB_CUES,
  WITH_VERBS,
} from './lists/cue-words';

/** none < medium (the name must still look like one) < strong (any capitalised run that is not a stop word). */
export type CueLevel = 0 | 1 | 2;
export const NONE: CueLevel = 0;
export const MEDIUM: CueLevel = 1;
export const STRONG: CueLevel = 2;

interface Before {
  /** Up to three previous words, nearest first, lower-case. */
  words: string[];
  /** Separators: seps[0] lies between words[0] and the candidate. */
  seps: string[];
  /** First character of words[0] is upper-case. */
  capitalised: boolean;
  /** seps[words.length] reaches the start of the text. */
  atStart: boolean;
}

const MAX_SEP = 12;
const OBJECTS = new Set(['it', 'this', 'that', 'them', 'these', 'those', 'everything', 'him', 'her', 'one']);
const MAX_WORD = 24;
const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

function isWordChar(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39;
  return code === 0x2019 || NON_ASCII_LETTER.test(ch);
}

function readBefore(text: string, pos: number): Before {
  const words: string[] = [];
  const seps: string[] = [];
  let i = pos;
  let atStart = false;
  let capitalised = false;
  while (words.length < 3) {
    let j = i;
    while (j > 0 && i - j < MAX_SEP && !isWordChar(text.charCodeAt(j - 1), text.charAt(j - 1))) j--;
    seps.push(text.slice(j, i));
    if (j === 0) {
      atStart = true;
      break;
    }
    let w = j;
    while (w > 0 && j - w < MAX_WORD && isWordChar(text.charCodeAt(w - 1), text.charAt(w - 1))) w--;
    if (w === j) break; // separator longer than MAX_SEP
    const word = text.slice(w, j);
    if (words.length === 0) capitalised = word.charAt(0) !== word.charAt(0).toLowerCase();
    words.push(word.toLowerCase().replace(/’/g, "'"));
    i = w;
  }
  return { words, seps, capitalised, atStart };
}

const SPACE = /^[ \t\u00a0]{1,3}$/;
const TITLE_SEP = /^\.?[ \t\u00a0]{1,3}$/;
const LABEL_SEP = /^["'\]]?[ \t]{0,2}[:=\-–—][ \t]{0,2}["']?$/;
const JSONISH = /["']/;
const GREETING_SEP = /^,?[ \t\u00a0]{1,3}$/;
const CUE_COLON_SEP = /^:?[ \t\u00a0]{1,3}$/;
const LINE_BREAK_SEP = /^[ \t,.!;:\-–—~]*\r?\n[\s\-–—~]*$/;
const DASH_SIGNATURE_SEP = /(?:^|\n)[ \t]*(?:--|—|–|~)[ \t]*$/;
const LABEL_WORD_SEP = /^[ \t_-]$/;

// After the candidate (sticky: they only match right at its end).
const ENDS_LINE = /[ \t]*(?:,[^\n]{0,60})?(?:\r?\n|$)|[ \t]+[|\-–—][ \t]/y;
const PUNCT_AFTER = /[ \t]*(?:[,!:;\n]|\.(?:\s|$)|$|[ \t][-–—][ \t])/y;
const WROTE = /[ \t]*(?:<[^>\n]{1,80}>[ \t]*|\([^)\n]{1,80}\)[ \t]*)?(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef|napisał|escreveu)[ \t]*:/y;
const SUFFIX_AFTER = /,?[ \t]{1,2}(?:Jr|Sr|II|III|IV|PhD|Ph\.D|MD|M\.D|DDS|DVM|Esq|MBA|CPA|RN|MSc|BSc|FRCS|QC|KC)\b/y;
const EMAIL_AFTER = /[ \t]{0,2}[<([][ \t]{0,2}(?:[\w.+-]{1,64}@[\w-]|<?(?:EMAIL|PHONE)_\d)/y;
// An email or pseudonym token right after the name, or a phone number introduced by "+" or a phone word.
const CONTACT_AFTER =
  /[ \t]{0,3}(?:[,([:|–—-][ \t]{0,3})?(?:(?:at|on|via|e-?mail|phone|tel|mobile|cell)[:.]?[ \t]{1,3})?(?:<(?:EMAIL|PHONE)_\d|[\w.+-]{1,64}@[\w-]|\(?\+\d[\d ().-]{6,18}\d)|[ \t]{0,3}[,([:|–—-]?[ \t]{0,3}(?:on|at|tel|phone|mobile|cell)[:.]?[ \t]{1,3}\(?\d[\d ().-]{6,18}\d/y;
const SPEECH_AFTER =
  /[ \t]{1,2}(?:said|says|asked|asks|replied|replies|responded|commented|confirmed|explained|added|noted|writes|mentioned|emailed|texted|resigned|agreed|thinks|thought|told)\b/y;
// "Tom: sure" (a speaker), not "Price: 19.99" (a field).
const SPEAKER_AFTER = /:[ \t]{1,3}(?![\d$€£¥])/y;

const sticky = (re: RegExp, text: string, at: number): boolean => {
  re.lastIndex = at;
  return re.test(text);
};

function matchesPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  // phrase is written in reading order; words are nearest first.
  for (let k = 0; k < phrase.length; k++) if (words[k] !== phrase[phrase.length - 1 - k]) return false;
  return true;
}

function labelCue(b: Before): CueLevel {
  const [w0 = '', w1] = b.words;
  const s0 = b.seps[0] ?? '';
  if (!NAME_LABELS.has(w0) || !LABEL_SEP.test(s0)) return NONE;
  const s1 = b.seps[1] ?? '';
  // "Product name:" or "class name:" is not about a person; "Full name:", "customer_name" are.
  if (w1 !== undefined && LABEL_WORD_SEP.test(s1) && !PERSON_QUALIFIERS.has(w1)) return NONE;
  const qualified = w1 !== undefined && LABEL_WORD_SEP.test(s1);
  return JSONISH.test(s0) && !qualified && w0 === 'name' ? MEDIUM : STRONG;
}

/** The strongest cue before a candidate starting at `start`. `end` is the candidate's end. */
export function cueBefore(text: string, start: number, end: number): CueLevel {
  const b = readBefore(text, start);
  const [w0 = '', w1 = '', w2 = ''] = b.words;
  const s0 = b.seps[0] ?? '';
  if (DASH_SIGNATURE_SEP.test(s0) && sticky(ENDS_LINE, text, end)) return STRONG; // "-- \nJane", "— Helena"
  if (b.words.length === 0) return NONE;
  if (b.capitalised && TITLES.has(w0) && TITLE_SEP.test(s0) && (w0 !== 'm' || s0.startsWith('.'))) return STRONG;
  const label = labelCue(b);
  if (label !== NONE) return label;
  if (GREETINGS.has(w0) && GREETING_SEP.test(s0)) return sticky(PUNCT_AFTER, text, end) ? STRONG : MEDIUM;
  if (SPACE.test(s0) && SELF_STRONG.some((p) => matchesPhrase(b.words, p))) return STRONG;
  if (LINE_BREAK_SEP.test(s0) && CLOSINGS.has(w0) && sticky(ENDS_LINE, text, end)) return STRONG;
  if (SPACE.test(s0) && SELF_WEAK.some((p) => matchesPhrase(b.words, p))) return MEDIUM;
  if (CUE_COLON_SEP.test(s0) && VERB_CUES.has(w0)) return MEDIUM;
  if (SPACE.test(s0) && SPACE.test(b.seps[1] ?? '')) {
    if (w0 === 'to' && (TO_VERBS.has(w1) || (w1 === 'out' && w2 === 'reach'))) return MEDIUM;
    // "forward it to Ken", "give this to Ana"
    if (w0 === 'to' && OBJECTS.has(w1) && TO_VERBS.has(w2)) return MEDIUM;
    if (w0 === 'by' && BY_VERBS.has(w1)) return MEDIUM;
    if (w0 === 'with' && WITH_VERBS.has(w1)) return MEDIUM;
    if (w0 === 'of' && (w1 === 'behalf' || w1 === 'care' || w1 === 'courtesy')) return MEDIUM;
    if (w0 === 'for' && (w1 === 'ask' || w1 === 'asked' || w1 === 'asking')) return MEDIUM;
  }
  return NONE;
}

/** Whether the candidate opens a sentence (so its capital letter says nothing). */
export function sentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  for (let n = 0; i >= 0 && n < MAX_SEP; n++, i--) {
    const c = text.charAt(i);
    if (c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === '•' || c === '>') return true;
    if (c !== ' ' && c !== '\t' && c !== '"' && c !== "'" && c !== '“' && c !== '(' && c !== '*' && c !== '-' && c !== '\r') return false;
  }
  return i < 0;
}

/** Whether the line the candidate starts on begins with it (after an optional timestamp or bullet). */
function lineStart(text: string, start: number): boolean {
  for (let i = start - 1, n = 0; n < 24; i--, n++) {
    if (i < 0 || text.charAt(i) === '\n') return true;
    if (/[\p{L}]/u.test(text.charAt(i))) return false;
  }
  return false;
}

/** The strongest cue after a candidate ending at `end`. */
export function cueAfter(text: string, start: number, end: number): CueLevel {
  if (sticky(WROTE, text, end) || sticky(SUFFIX_AFTER, text, end) || sticky(EMAIL_AFTER, text, end)) return STRONG;
  if (sticky(CONTACT_AFTER, text, end) || sticky(SPEECH_AFTER, text, end)) return MEDIUM;
  if (sticky(SPEAKER_AFTER, text, end) && lineStart(text, start)) return MEDIUM;
  return NONE;
}

const SPAN_SUFFIX = /[ \t](?:Jr\.?|Sr\.?|III|II|IV)(?![\p{L}\p{Nd}])/uy;

/** The end of the span including a "Jr." / "III" suffix written right after it, else `end`. */
export function suffixEnd(text: string, end: number): number {
  SPAN_SUFFIX.lastIndex = end;
  return SPAN_SUFFIX.test(text) ? SPAN_SUFFIX.lastIndex : end;
}

const PARTICLE_PREFIX = /(?:^|[^\p{L}])((?:van|von|de|der|den|del|della|di|da|du|la|le|ten|ter|bin|ibn|al|el)[ \t](?:(?:der|den|la|le|los|las|de)[ \t])?)$/u;

/** Where a name starting at `start` begins if lower-case particles precede it ("Dr. van der Berg"). */
export function particleStart(text: string, start: number): number {
  const m = PARTICLE_PREFIX.exec(text.slice(Math.max(0, start - 16), start));
  return m?.[1] === undefined ? start : start - m[1].length;
}
