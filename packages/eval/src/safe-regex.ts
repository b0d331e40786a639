import { RE2JS, RE2JSException } from 're2js';
import { formatCount, GradeError, gradeLimits } from './limits';

/** A tenant-supplied pattern compiled for RE2: `test` takes time linear in the text. */
export interface SafeRegex {
  /** The pattern as written. */
  readonly source: string;
  /** The flags as given (`[imsu]`). */
  readonly flags: string;
  /** RE2 instructions: the most work matching does per character. */
  readonly programSize: number;
  /** Whether the pattern matches anywhere in `text` (like RegExp#test). */
  test(text: string): boolean;
}

/** A pattern RE2 refuses (syntax it lacks, such as backreferences) or that is too large. */
export class PatternError extends GradeError {
  constructor(message: string) {
    super('pattern', message);
  }
}

const flagBits: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

// Compiled patterns by flags and source; bounded, since each may hold a DFA cache of gradeLimits.dfaMemory.
const cache = new Map<string, SafeRegex>();
const cacheSize = 64;

/**
 * Compiles `pattern` (JavaScript syntax, as RE2 accepts it) with `flags`, or throws
 * {@link PatternError} with a message a tenant can act on. Results are cached.
 *
 * Flags: `i` case-insensitive (Unicode simple folding), `m` ^/$ at line breaks (\n only), `s` dot
 * matches \n, `u` accepted and changes nothing (RE2 always matches code points).
 */
export function compilePattern(pattern: string, flags = ''): SafeRegex {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    // Map order is insertion order: re-inserting makes this the most recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileUncached(pattern, flags);
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** Why `flags` cannot be used (only i, m, s, u, each once), or null when they can. */
export function flagsProblem(flags: string): string | null {
  try {
    flagBitsOf(flags);
    return null;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}

/** Why `pattern` cannot be used, or null when it can. */
export function patternProblem(pattern: string, flags = ''): string | null {
  try {
    compilePattern(pattern, flags);
    return null;
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
}

function compileUncached(pattern: string, flags: string): SafeRegex {
  if (pattern.length > gradeLimits.maxPatternLength) {
    throw new PatternError(`pattern is ${formatCount(pattern.length)} characters; the limit is ${formatCount(gradeLimits.maxPatternLength)}`);
  }
  const bits = flagBitsOf(flags);
  let re: RE2JS;
  try {
    re = RE2JS.compile(unicodeEscapesToRe2(pattern), bits);
  } catch (error) {
    if (error instanceof RE2JSException) throw new PatternError(explain(pattern, error.message));
    throw error;
  }
  const programSize = re.programSize();
  if (programSize > gradeLimits.maxProgramSize) {
    throw new PatternError(
      `pattern compiles to ${formatCount(programSize)} RE2 instructions; the limit is ${formatCount(gradeLimits.maxProgramSize)} (counted repetitions such as {100} multiply a pattern's size)`,
    );
  }
  limitDfaMemory(re);
  return { source: pattern, flags, programSize, test: (text) => re.test(text) };
}

/**
 * re2js gives each pattern a lazy DFA cache of 8 MiB; a hostile pattern and text fill it. Many
 * cached patterns would then hold gigabytes, so each gets gradeLimits.dfaMemory instead: when the
 * cache is full re2js clears it or falls back to its NFA, both still linear in the text.
 */
export function limitDfaMemory(re: RE2JS): boolean {
  const dfa = re.re2().dfa;
  if (typeof dfa.memBudget !== 'number' || typeof dfa.stateBudget !== 'number') return false;
  dfa.maxMem = dfa.stateBudget = dfa.memBudget = gradeLimits.dfaMemory;
  return true;
}

/**
 * JavaScript's \u00e9 and \u{1F600} in RE2's spelling (\x{...}); nothing else changes. (re2js's
 * translateRegExp also turns unknown escapes such as \k into letters, silently changing a pattern.)
 */
export function unicodeEscapesToRe2(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = pattern[i + 1] ?? '';
    const braced = next === 'u' ? /^\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(i + 2, i + 11)) : null;
    const four = next === 'u' && !braced ? /^[0-9A-Fa-f]{4}/.exec(pattern.slice(i + 2, i + 6)) : null;
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += 1 + braced[0].length;
    } else if (four) {
      out += `\\x{${four[0]}}`;
      i += 5;
    } else {
      out += ch + next;
      i++;
    }
  }
  return out;
}

function flagBitsOf(flags: string): number {
  let bits = 0;
  for (const [index, flag] of [...flags].entries()) {
    const bit = flagBits[flag];
    if (bit === undefined) throw new PatternError(`flag "${flag}" is not supported (use i, m, s, u)`);
    if (flags.indexOf(flag) !== index) throw new PatternError(`flag "${flag}" is given twice`);
    bits |= bit;
  }
  return bits;
}

const unsupported = [
  { test: /\(\?<?[=!]/, message: 'lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported' },
  { test: /\\[1-9]|\\k</, message: 'backreferences (\\1, \\k<name>) are not supported' },
  { test: /(?:[*+?}])[+]/, message: 'possessive quantifiers (a++, a*+) are not supported' },
];

/** RE2's message, or the feature RE2 lacks by design when the pattern uses one. */
function explain(pattern: string, re2Message: string): string {
  const plain = stripClassesAndEscapedBackslashes(pattern);
  const feature = unsupported.find((entry) => entry.test.test(plain));
  const reason = re2Message.replace(/^error parsing regexp: /, '');
  return feature ? `${feature.message}: patterns run on RE2, which matches in linear time and has no backtracking (${reason})` : `invalid pattern: ${reason}`;
}

/** The pattern without `\\` pairs and [...] classes, so a literal "(?=" inside a class is not taken for lookahead. */
function stripClassesAndEscapedBackslashes(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass) out += next === '\\' ? '' : ch + next;
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else {
      out += ch;
    }
  }
  return out;
}
