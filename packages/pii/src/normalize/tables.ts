// Character tables for the normalized view. Built once, lazily, on the first non-ASCII input.

/**
 * Characters with no visible glyph that an attacker can slip inside an entity: zero-width space and
 * joiners, word joiner, invisible operators, soft hyphen, BOM, bidi controls, Mongolian vowel
 * separator, combining grapheme joiner, variation selectors, Hangul fillers.
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark (bidi)
  [0x115f, 0x1160], // Hangul fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels (invisible)
  [0x180b, 0x180f], // Mongolian free variation selectors and vowel separator
  [0x200b, 0x200f], // zero-width space, ZWNJ, ZWJ, LRM, RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x206f], // bidi isolates, deprecated format characters
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // BOM / zero-width no-break space
  [0xffa0, 0xffa0], // half-width Hangul filler
  [0xfff9, 0xfffb], // interlinear annotation controls
];

/** Astral invisibles: tag characters and variation selectors supplement. */
export function isInvisibleAstral(cp: number): boolean {
  return (cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x1bca0 && cp <= 0x1bca3);
}

/** Separators NFKC keeps but people (and attackers) use between digit groups. */
const SEPARATORS: Readonly<Record<number, string>> = {
  0x2010: '-',
  0x2011: '-',
  0x2012: '-',
  0x2013: '-',
  0x2014: '-',
  0x2015: '-',
  0x2212: '-',
  0x2043: '-',
  0x00b7: '.',
  0x2027: '.',
  0x2219: '.',
  0x2044: '/',
  0x2215: '/',
  0x29f8: '/',
  0x180e: ' ',
};

/**
 * Cyrillic, Greek and a few Latin/Armenian letters that render like a Latin letter. Hand-picked
 * from the Unicode confusables data (only letters whose glyph is practically identical in common
 * fonts); folded only inside a chunk that also holds ASCII letters or digits (see view.ts).
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic lower case
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  ү: 'y',
  ɑ: 'a',
  ı: 'i',
  ɩ: 'i',
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  α: 'a',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  օ: 'o',
  ս: 'u',
  ց: 'g',
  հ: 'h',
  ո: 'n',
  // Cyrillic upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ү: 'Y',
  Һ: 'H',
  Ӏ: 'I',
  Ԁ: 'D',
  Ԍ: 'G',
  Ꮃ: 'W',
  // Greek upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
};

/** Class of a BMP code unit in the normalized view; 0 (the table's initial value) keeps it. */
export const DROP = 1;
export const REPLACE = 2;
export const CONFUSABLE = 3;

/** NFKC results longer than this are ignored: no PII is written with them, and it bounds growth. */
const MAX_EXPANSION = 4;

export interface CharTables {
  /** KEEP / DROP / REPLACE / CONFUSABLE per BMP code unit. */
  cls: Uint8Array;
  /** Replacement for REPLACE units (NFKC, then separators unified). */
  replacement: Map<number, string>;
  /** ASCII code of the Latin letter a CONFUSABLE unit folds to. */
  fold: Uint8Array;
}

let tables: CharTables | undefined;

/** The BMP tables (about 6 ms to build, once per process). */
export function charTables(): CharTables {
  if (tables) return tables;
  const cls = new Uint8Array(0x10000);
  const replacement = new Map<number, string>();
  const fold = new Uint8Array(0x10000);
  for (const [lo, hi] of INVISIBLE_RANGES) cls.fill(DROP, lo, hi + 1);
  for (let c = 0x80; c < 0x10000; c++) {
    if (cls[c] === DROP || (c >= 0xd800 && c <= 0xdfff)) continue;
    const ch = String.fromCharCode(c);
    const sep = SEPARATORS[c];
    let out = sep ?? ch.normalize('NFKC');
    if (out !== ch && out.length <= MAX_EXPANSION) {
      out = unifySeparators(out);
      if (out !== ch) {
        cls[c] = REPLACE;
        replacement.set(c, out);
        continue;
      }
    }
    const latin = CONFUSABLES[ch];
    if (latin !== undefined) {
      cls[c] = CONFUSABLE;
      fold[c] = latin.charCodeAt(0);
    }
  }
  tables = { cls, replacement, fold };
  return tables;
}

function unifySeparators(s: string): string {
  let out = '';
  for (const ch of s) out += SEPARATORS[ch.charCodeAt(0)] ?? ch;
  return out;
}

const astral = new Map<number, string | null>();

/** Replacement for an astral code point (NFKC, e.g. mathematical digits), '' to drop it, or null to keep it. */
export function astralReplacement(cp: number): string | null {
  const cached = astral.get(cp);
  if (cached !== undefined) return cached;
  let out: string | null;
  if (isInvisibleAstral(cp)) out = '';
  else {
    const ch = String.fromCodePoint(cp);
    const nf = ch.normalize('NFKC');
    out = nf !== ch && nf.length <= MAX_EXPANSION ? unifySeparators(nf) : null;
  }
  // Emoji and CJK extension characters repeat a lot; the cache stays small (distinct code points seen).
  if (astral.size < 50_000) astral.set(cp, out);
  return out;
}
