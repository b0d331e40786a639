import { astralReplacement, charTables, CONFUSABLE, DROP, REPLACE, type CharTables } from './tables';

/**
 * Maps offsets of the normalized text back to the original. Stored as breakpoints (only where the
 * two texts stop being aligned one to one), so a long text with a few changes costs a few entries.
 */
export class OffsetMap {
  private norm: Int32Array;
  private orig: Int32Array;
  private count = 1;

  constructor(private readonly original: string) {
    this.norm = new Int32Array(16);
    this.orig = new Int32Array(16);
  }

  /** From norm index `n` on, norm index n + k comes from original index `o` + k. */
  add(n: number, o: number): void {
    if (this.norm[this.count - 1] === n) {
      this.orig[this.count - 1] = o;
      return;
    }
    if (this.count === this.norm.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.norm = grow(this.norm);
      this.orig = grow(this.orig);
    }
    this.norm[this.count] = n;
    this.orig[this.count] = o;
    this.count++;
  }

  /** Original offset of the code point that produced norm unit `n`. */
  start(n: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.norm[mid] ?? 0) <= n) lo = mid;
      else hi = mid - 1;
    }
    return (this.orig[lo] ?? 0) + n - (this.norm[lo] ?? 0);
  }

  /** Original end offset for a norm span ending (exclusively) at `n`: the end of the code point behind unit n - 1. */
  end(n: number): number {
    const o = this.start(n - 1);
    const c = this.original.charCodeAt(o);
    return o + (c >= 0xd800 && c <= 0xdbff && o + 1 < this.original.length ? 2 : 1);
  }
}

/** The text detectors scan, and how to get back to the original. */
export interface NormalizedView {
  /** NFKC, invisibles removed, separators unified, confusables folded next to ASCII. */
  text: string;
  /** Undefined when `text` is the original itself (plain ASCII, or nothing to change). */
  map: OffsetMap | undefined;
}

const NON_ASCII = /[\u0080-\uffff]/;
const NEXT_NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Builds the normalized view of `original`: per code point NFKC (expansions over 4 units ignored),
 * invisible characters dropped (zero-width, joiners, soft hyphen, BOM, bidi controls, ...), Unicode
 * spaces, dashes, dots and slashes unified to ASCII, and Cyrillic/Greek look-alike letters folded to
 * Latin inside any whitespace-delimited chunk that also holds an ASCII letter or digit (so
 * "jаne@example.com" with a Cyrillic 'а' is read as Latin, while Russian prose is left alone).
 * Plain ASCII returns at once. Linear: each character is visited at most three times.
 */
export function normalizedView(original: string): NormalizedView {
  if (!NON_ASCII.test(original)) return { text: original, map: undefined };
  const t = charTables();
  const parts: string[] = [];
  let map: OffsetMap | undefined;
  let segStart = 0;
  let q = 0; // length of the normalized text emitted so far
  let decidedUntil = -1;
  let fold = false;
  const n = original.length;

  const emit = (p: number, len: number, r: string): void => {
    map ??= new OffsetMap(original);
    parts.push(original.slice(segStart, p), r);
    q += p - segStart;
    if (r.length !== len) {
      for (let j = 1; j < r.length; j++) map.add(q + j, p + Math.min(j, len - 1));
      map.add(q + r.length, p + len);
    }
    q += r.length;
    segStart = p + len;
  };

  for (let i = 0; i < n; i++) {
    let c = original.charCodeAt(i);
    if (c < 0x80) {
      // Hop over the ASCII stretch with the engine's scan (much faster than a charCodeAt loop).
      NEXT_NON_ASCII.lastIndex = i;
      if (!NEXT_NON_ASCII.test(original)) break;
      i = NEXT_NON_ASCII.lastIndex - 1;
      c = original.charCodeAt(i);
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const r = astralReplacement(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        if (r !== null) emit(i, 2, r);
        i++;
        continue;
      }
    }
    const cls = t.cls[c];
    if (cls === DROP) emit(i, 1, '');
    else if (cls === REPLACE) emit(i, 1, t.replacement.get(c) ?? '');
    else if (cls === CONFUSABLE) {
      if (i >= decidedUntil) {
        const chunk = chunkAround(original, i, t);
        decidedUntil = chunk.end;
        fold = chunk.latin;
      }
      if (fold) emit(i, 1, String.fromCharCode(t.fold[c] ?? c));
    }
  }
  if (!map) return { text: original, map: undefined };
  parts.push(original.slice(segStart));
  return { text: parts.join(''), map };
}

// Whether the whitespace-delimited chunk around i holds an ASCII letter or digit (after NFKC).
function chunkAround(s: string, i: number, t: CharTables): { end: number; latin: boolean } {
  let latin = false;
  let j = i - 1;
  for (; j >= 0; j--) {
    const c = s.charCodeAt(j);
    if (isSpace(c, t)) break;
    if (isLatinAlnum(c, t)) {
      latin = true;
      break;
    }
  }
  let k = i + 1;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isSpace(c, t)) break;
    if (!latin && isLatinAlnum(c, t)) latin = true;
  }
  return { end: k, latin };
}

function isSpace(c: number, t: CharTables): boolean {
  return c <= 0x20 || (t.cls[c] === REPLACE && t.replacement.get(c) === ' ');
}

function isLatinAlnum(c: number, t: CharTables): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (t.cls[c] !== REPLACE) return false;
  const r = t.replacement.get(c)?.charCodeAt(0) ?? 0;
  return (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
}
