// Turns one run of capitalised tokens into name spans: split it where a word cannot be part of a
// name, then accept, reject or defer (to the NLP tagger) each piece by its words and its context.
import { classify, COMMON_SURNAME, PARTICLE, type WordClass } from './classify';

const GIVEN_AFTER_NAMES: WordClass = { cls: 'name', given: true, surname: false, ambiguous: true, caps: false };
import { cueAfter, cueBefore, MEDIUM, NONE, particleStart, sentenceInitial, STRONG, suffixEnd, type CueLevel } from './cues';
import { wordKey, type Lexicon } from './lexicon';
import { CLOSINGS, GREETINGS, VERB_CUES } from './lists/cue-words';
import { BRAND_PHRASES, ORG_FOLLOWERS, PARTICLES } from './lists/non-names';
import type { Token } from './scan';

/** A span the lexicons could not settle; `fallback` is the verdict when the tagger is not asked. */
export interface Deferred {
  start: number;
  end: number;
  fallback: boolean;
}

export interface Verdicts {
  accepted: { start: number; end: number }[];
  deferred: Deferred[];
}

/** Longest accepted name, in tokens. */
const MAX_NAME = 6;

const givenClean = (c: WordClass): boolean => c.given && !c.ambiguous && !c.caps;
const isName = (c: WordClass): boolean => c.cls === 'name';
const usable = (c: WordClass): boolean => c.cls === 'name' || c.cls === 'unknown' || c.cls === 'initial' || c.cls === 'particle';

/** Re-reads tokens in the light of their neighbours (particles, surnames that are common words). */
/** Capitalised words that start a place name: "San Francisco", "Port Elizabeth", "Lake Louise". */
const PLACE_PREFIXES = new Set([
  'san',
  'santa',
  'santo',
  'são',
  'sankt',
  'saint',
  'sainte',
  'st',
  'los',
  'las',
  'new',
  'fort',
  'port',
  'mount',
  'mt',
  'lake',
  'cape',
  'glen',
  'north',
  'south',
  'east',
  'west',
]);
const PLACE_WORD: WordClass = { cls: 'common', given: false, surname: false, ambiguous: false, caps: false };

function refine(run: Token[], cls: WordClass[], lex: Lexicon): void {
  for (let i = 0; i < run.length; i++) {
    if (i > 0 && (PLACE_PREFIXES.has(wordKey((run[i - 1] as Token).text)) || cls[i - 1] === PLACE_WORD) && cls[i]?.cls !== 'stop') {
      cls[i] = PLACE_WORD;
      continue;
    }
    const t = run[i] as Token;
    const c = cls[i] as WordClass;
    const next = cls[i + 1];
    const key = wordKey(t.text);
    // "De Vries", "Van Dyke": a capitalised particle before a name word.
    if (PARTICLES.has(key) && next !== undefined && (next.cls === 'name' || next.cls === 'unknown')) {
      cls[i] = PARTICLE;
    } else if (
      c.cls === 'stop' &&
      t.kind === 'word' &&
      next === undefined &&
      i >= 2 &&
      lex.given.has(key) &&
      cls[i - 1]?.cls === 'name' &&
      cls[i - 2]?.cls === 'name'
    ) {
      cls[i] = GIVEN_AFTER_NAMES; // "Nguyễn Văn An": a short given name that is also a function word
    } else if (c.cls === 'common' && i > 0 && givenClean(cls[i - 1] as WordClass) && !ORG_FOLLOWERS.has(key)) {
      // "Anne-Sophie Mutter": after a clean given name, a common word that ends the run is a surname.
      if (next === undefined || !usable(next)) cls[i] = COMMON_SURNAME;
    }
  }
}

interface Piece {
  from: number;
  to: number; // exclusive
}

function openingSkippable(text: string, run: Token[], cls: WordClass[]): boolean {
  const t = run[0] as Token;
  const c = cls[0] as WordClass;
  if (c.cls === 'initial' || !sentenceInitial(text, t.start)) return false;
  const key = wordKey(t.text);
  // "Ping Ingrid when ...", "Thanks Omar": a capitalised cue word opening the sentence.
  if (VERB_CUES.has(key) || GREETINGS.has(key) || CLOSINGS.has(key)) return true;
  if (givenClean(c)) return false;
  // A sentence's first word is capitalised anyway: an ambiguous name stays when another name
  // follows ("Paris Hilton said", "Zhang Wei sent"), or when a cue precedes it ("Regards,\nSmith").
  if (c.cls === 'name' && cls[1]?.cls === 'name') return false;
  const runEnd = (run[run.length - 1] as Token).end;
  return cueBefore(text, t.start, runEnd) === NONE && cueAfter(text, t.start, runEnd) === NONE;
}

/** Splits a run into pieces that could each be one name. */
function split(text: string, run: Token[], cls: WordClass[]): Piece[] {
  const pieces: Piece[] = [];
  let from = -1;
  let hasGiven = false;
  const close = (to: number): void => {
    if (from >= 0 && to > from) pieces.push({ from, to });
    from = -1;
    hasGiven = false;
  };
  const skipFirst = openingSkippable(text, run, cls);
  for (let i = skipFirst ? 1 : 0; i < run.length; i++) {
    const c = cls[i] as WordClass;
    if (!usable(c)) {
      close(i);
      continue;
    }
    if (from >= 0) {
      const prev = cls[i - 1] as WordClass;
      const capsChange = c.caps !== (cls[from] as WordClass).caps && c.cls !== 'initial';
      // "Rechnung von Anna": a particle joins only into a name that already has a given name.
      const badParticle = (run[i] as Token).viaParticle && !hasGiven;
      // "John Smith Mary Jones": a clean given name after a non-given word starts a new name.
      const newName = givenClean(c) && i - from >= 2 && !prev.given && prev.cls !== 'initial' && prev.cls !== 'particle';
      if (capsChange || badParticle || newName || i - from >= MAX_NAME) close(i);
    }
    if (from < 0) from = i;
    if (c.given) hasGiven = true;
  }
  close(run.length);
  return pieces;
}

type Verdict = 'accept' | 'reject' | 'defer' | 'defer-accept';

function judge(words: WordClass[], hasInitials: boolean, cue: CueLevel): Verdict {
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return 'reject';
  if (first.caps) return cue === STRONG && words.every(isName) ? 'accept' : 'reject';
  if (cue === STRONG) return 'accept';
  const multi = words.length >= 2 || hasInitials;
  const cleanName = words.some((w) => givenClean(w) || (w.surname && !w.ambiguous));
  if (cue === MEDIUM) {
    // "call Bill", "Bob: hey": a given name that is also a word is a name after a cue; "ask Alexa" is not settled.
    const cuedName = words.some((w) => w.given && w.placeOrBrand !== true);
    return cleanName || cuedName || (multi && words.some(isName)) ? 'accept' : 'defer-accept';
  }
  if (!multi) return givenClean(first) ? 'accept' : 'reject';
  if (givenClean(first)) return 'accept';
  if (hasInitials && words.length === 1) {
    if (last.cls === 'unknown' || (last.surname && last.placeOrBrand !== true)) return 'accept'; // "J. R. Smith"
    return last.surname ? 'defer' : 'reject';
  }
  // "Zhang Wei", "D'Arcy Collins", "Paris Hilton": every word a known name, one of them unambiguous.
  if (words.every(isName) && cleanName) return 'accept';
  if (words.some(isName) || words.every((w) => w.cls === 'unknown')) return 'defer';
  return 'reject';
}

const AMPERSAND_AFTER = /[ \t]&[ \t]?\p{Lu}/uy;
const DIGIT_AFTER = /[ \t]{1,2}[#№]?\d/y;

const sticky = (re: RegExp, text: string, at: number): boolean => {
  re.lastIndex = at;
  return re.test(text);
};

/** "Johnson & Johnson", "Ben & Jerry's", "Morgan Stanley": companies named after people. */
function looksLikeBrand(text: string, start: number, end: number, pieceText: string): boolean {
  if (BRAND_PHRASES.has(wordKey(pieceText).replace(/['’]s$/, ''))) return true;
  if (sticky(AMPERSAND_AFTER, text, end)) return true;
  return /\p{L}[ \t]&[ \t]?$/u.test(text.slice(Math.max(0, start - 4), start));
}

/** Judges every piece of one run; appends to `out`. Returns the number of pieces. */
export function judgeRun(text: string, run: Token[], lex: Lexicon, out: Verdicts): number {
  const cls = run.map((t) => classify(t, lex));
  refine(run, cls, lex);
  const pieces = split(text, run, cls);
  for (const piece of pieces) {
    const { from } = piece;
    let { to } = piece;
    while (to - 1 > from && (cls[to - 1] as WordClass).cls !== 'name' && (cls[to - 1] as WordClass).cls !== 'unknown') to--;
    const words = cls.slice(from, to).filter((c) => c.cls === 'name' || c.cls === 'unknown');
    if (words.length === 0) continue;
    const next = run[to];
    // "Hilton Hotel", "Baker Street", "Acme Labs": the run goes on into an organisation or place.
    if (next !== undefined && ORG_FOLLOWERS.has(wordKey(next.text))) continue;
    let start = (run[from] as Token).start;
    let end = (run[to - 1] as Token).end;
    const value = text.slice(start, end);
    let cue = Math.max(cueBefore(text, start, end), cueAfter(text, start, end)) as CueLevel;
    const lastWord = wordKey((run[to - 1] as Token).text);
    if (cue !== STRONG && words.length > 1 && ORG_FOLLOWERS.has(lastWord) && !givenClean(words[0] as WordClass)) continue;
    if (cue !== STRONG && looksLikeBrand(text, start, end, value)) continue;
    // "Troy 9792 3011 ...", "Lot 2024-001", "Model 3": a lone word before a number names a thing.
    if (cue === NONE && words.length === 1 && sticky(DIGIT_AFTER, text, end)) continue;
    const withParticles = particleStart(text, start);
    if (withParticles !== start && cueBefore(text, withParticles, end) === STRONG) {
      start = withParticles; // "Dr. van der Berg"
      cue = STRONG;
    }
    const verdict = judge(words, to - from > words.length, cue);
    if (verdict === 'reject') continue;
    end = suffixEnd(text, end);
    if (verdict === 'accept') out.accepted.push({ start, end });
    else out.deferred.push({ start, end, fallback: verdict === 'defer-accept' });
  }
  return pieces.length;
}
