import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compilePattern, gradeDeterministic, gradeLimits, GradeLimitError, PatternError, patternProblem } from '../src';
import { limitDfaMemory } from '../src/safe-regex';

const kase = { id: 'c', input: 'q' };
const grade = (pattern: string, output: string, flags?: string) => gradeDeterministic({ type: 'regex', pattern, ...(flags ? { flags } : {}) }, kase, output);

// Each of these runs for minutes (or longer than the universe) on a backtracking engine; a hung test is the failure.
describe('pathological patterns answer on RE2', () => {
  const attack = 'a'.repeat(50_000) + '!';

  it('nested quantifiers: ^(a+)+$, (a*)*b, (x+x+)+y', () => {
    expect(grade('^(a+)+$', 'a'.repeat(30) + '!').pass).toBe(false);
    expect(grade('^(a+)+$', attack).pass).toBe(false);
    expect(grade('^(a+)+$', 'a'.repeat(30)).pass).toBe(true);
    expect(grade('(a*)*b', attack).pass).toBe(false);
    expect(grade('(x+x+)+y', 'x'.repeat(50_000)).pass).toBe(false);
  });

  it('overlapping alternation: ^(a|a)*$, ^(a|aa)+$, (.*a){20}', () => {
    expect(grade('^(a|a)*$', attack).pass).toBe(false);
    expect(grade('^(a|aa)+$', attack).pass).toBe(false);
    expect(grade('^(a|aa)+!$', attack).pass).toBe(true);
    expect(grade('^(.*a){20}$', attack).pass).toBe(false);
    expect(grade('^(\\w+\\s?)*$', 'word '.repeat(10_000) + '!').pass).toBe(false);
  });
});

describe('syntax RE2 refuses, with a message a tenant can act on', () => {
  it('backreferences', () => {
    expect(() => compilePattern('(\\w+) \\1')).toThrow(PatternError);
    expect(patternProblem('(\\w+) \\1')).toMatch(/^backreferences .* not supported: patterns run on RE2/);
    expect(patternProblem('(?<w>\\w+) \\k<w>')).toMatch(/^backreferences/);
  });

  it('lookahead and lookbehind', () => {
    expect(patternProblem('foo(?=bar)')).toMatch(/^lookahead and lookbehind .* not supported/);
    expect(patternProblem('foo(?!bar)')).toMatch(/^lookahead and lookbehind/);
    expect(patternProblem('(?<=\\$)\\d+')).toMatch(/^lookahead and lookbehind/);
    expect(patternProblem('(?<!-)\\d+')).toMatch(/^lookahead and lookbehind/);
  });

  it('invalid syntax says what RE2 says; a literal "(?=" in a class is not mistaken for lookahead', () => {
    expect(patternProblem('[a-')).toMatch(/^invalid pattern: missing closing \]/);
    expect(patternProblem('a{2,1}')).toMatch(/^invalid pattern/);
    expect(patternProblem('[(?=]')).toBeNull();
  });

  it('patterns too long or too complex', () => {
    expect(patternProblem('a'.repeat(gradeLimits.maxPatternLength + 1))).toMatch(/characters; the limit is 1,000/);
    expect(patternProblem('(a|b|ab|ba|aa|bb){1,900}c')).toMatch(/RE2 instructions; the limit is 1,000/);
    expect(patternProblem('a{1001}')).toMatch(/^invalid pattern: invalid repeat count/);
  });

  it('flags other than i, m, s, u, or given twice', () => {
    expect(patternProblem('a', 'g')).toMatch(/flag "g" is not supported/);
    expect(patternProblem('a', 'ii')).toMatch(/flag "i" is given twice/);
  });
});

describe('flags and JavaScript spellings', () => {
  it('maps i, m, s and accepts u', () => {
    expect(grade('^hello$', 'HELLO', 'i').pass).toBe(true);
    expect(grade('^b$', 'a\nb\nc').pass).toBe(false);
    expect(grade('^b$', 'a\nb\nc', 'm').pass).toBe(true);
    expect(grade('a.c', 'a\nc').pass).toBe(false);
    expect(grade('a.c', 'a\nc', 's').pass).toBe(true);
    expect(grade('^\\p{Lu}\\p{Ll}+$', 'Émile', 'u').pass).toBe(true);
  });

  it('accepts JavaScript escapes and named groups', () => {
    expect(grade('caf\\u00e9', 'un café').pass).toBe(true);
    expect(grade('\\u{1F600}', 'hi 😀').pass).toBe(true);
    expect(grade('(?<year>\\d{4})-\\d{2}', 'on 2024-05').pass).toBe(true);
  });
});

describe('bounded work', () => {
  it('an output longer than the cap is an error grade, not a stall', () => {
    const long = 'a'.repeat(gradeLimits.maxOutputChars + 1);
    expect(() => grade('a', long)).toThrow(GradeLimitError);
    expect(() => grade('a', long)).toThrow(/output is 100,001 characters; graders read at most 100,000/);
  });

  it('each compiled pattern gets a small DFA cache instead of re2js 8 MiB', () => {
    const re = RE2JS.compile('[ab]*a[ab]{20}c');
    // False would mean re2js changed its internals: the pin in pnpm-workspace.yaml is due a look.
    expect(limitDfaMemory(re)).toBe(true);
    expect(re.re2().dfa.memBudget).toBe(gradeLimits.dfaMemory);
  });
});
