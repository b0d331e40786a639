import { editCells, editSimilarity } from './edit-distance';
import { schemaValidator } from './json-schema';
import { formatCount, GradeError, GradeLimitError, gradeLimits } from './limits';
import { compilePattern } from './safe-regex';

/** What a grader says about one output: a score in [0, 1] and whether it passed. */
export interface Grade {
  score: number;
  pass: boolean;
  /** Why, when it is not obvious (parse errors, the similarity found). */
  detail?: string;
}

/** The case fields graders read. */
export interface GradedCase {
  id: string;
  input: string;
  expected?: string;
  context?: string;
}

/** Graders that need no model. Options default as documented on each field. */
export type DeterministicGrader =
  /** Output equals expected. caseSensitive default true; whitespace trimmed and collapsed. */
  | { type: 'exact'; caseSensitive?: boolean }
  /** Output contains `value` (default: the expected answer). caseSensitive default false. */
  | { type: 'contains'; value?: string; caseSensitive?: boolean }
  /** Output matches `pattern` (RE2 syntax, JavaScript escapes accepted; no backreferences or lookaround) with `flags` `[imsu]` (default none). */
  | { type: 'regex'; pattern: string; flags?: string }
  /** Output parses as JSON. */
  | { type: 'json' }
  /** Output parses as JSON and validates against `schema` (JSON Schema draft-07 with ajv; patterns run on RE2; local $refs only). */
  | { type: 'json-schema'; schema: Record<string, unknown> }
  /** The first number in the output is within `tolerance` (default 0) of expected; `relative` (default false) makes it a fraction of |expected|. */
  | { type: 'numeric'; tolerance?: number; relative?: boolean }
  /** 1 - normalized Levenshtein distance to expected; passes at `threshold` (default 0.8). */
  | { type: 'edit-distance'; threshold?: number };

const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');
const numberPattern = /[-+]?(?:\d+(?:[.,]\d+)*(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?/i;
const pass = (ok: boolean, detail?: string): Grade => ({ score: ok ? 1 : 0, pass: ok, ...(detail ? { detail } : {}) });

/** The first number written in `text` (thousands commas dropped), or null. */
export function firstNumber(text: string): number | null {
  const match = numberPattern.exec(text);
  if (!match) return null;
  const value = Number(match[0].replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

function needExpected(kase: GradedCase, grader: string): string {
  if (kase.expected === undefined) throw new MissingExpectedError(kase.id, grader);
  return kase.expected;
}

export class MissingExpectedError extends GradeError {
  constructor(caseId: string, grader: string) {
    super('missing-expected', `case ${caseId} has no expected answer, which the ${grader} grader needs`);
  }
}

/**
 * Grades one output, with bounded work. Throws a {@link GradeError} when no grade can be given:
 * {@link MissingExpectedError} (the grader needs `expected`), {@link GradeLimitError} (the output is
 * longer than gradeLimits.maxOutputChars, or the grade would cost more than its cap),
 * PatternError / SchemaError (a pattern or schema that was never checked at submission).
 */
export function gradeDeterministic(grader: DeterministicGrader, kase: GradedCase, output: string): Grade {
  if (output.length > gradeLimits.maxOutputChars) {
    throw new GradeLimitError(`output is ${formatCount(output.length)} characters; graders read at most ${formatCount(gradeLimits.maxOutputChars)}`);
  }
  switch (grader.type) {
    case 'exact': {
      const sensitive = grader.caseSensitive ?? true;
      const fold = (text: string) => (sensitive ? collapse(text) : collapse(text).toLowerCase());
      return pass(fold(output) === fold(needExpected(kase, 'exact')));
    }
    case 'contains': {
      const needle = grader.value ?? needExpected(kase, 'contains');
      const sensitive = grader.caseSensitive ?? false;
      return pass(sensitive ? output.includes(needle) : output.toLowerCase().includes(needle.toLowerCase()));
    }
    case 'regex':
      return pass(compilePattern(grader.pattern, grader.flags ?? '').test(output));
    case 'json':
      return parseJson(output).ok ? pass(true) : pass(false, 'not valid JSON');
    case 'json-schema': {
      const parsed = parseJson(output);
      if (!parsed.ok) return pass(false, 'not valid JSON');
      const verdict = schemaValidator(grader.schema).validate(parsed.value);
      return verdict.valid ? pass(true) : pass(false, verdict.detail);
    }
    case 'numeric': {
      const expected = firstNumber(needExpected(kase, 'numeric'));
      const actual = firstNumber(output);
      if (expected === null) return pass(false, 'expected answer holds no number');
      if (actual === null) return pass(false, 'no number in output');
      const tolerance = (grader.tolerance ?? 0) * (grader.relative ? Math.abs(expected) : 1);
      return pass(Math.abs(actual - expected) <= tolerance + 1e-12, `got ${actual}, expected ${expected}`);
    }
    case 'edit-distance': {
      const [a, b] = [collapse(output), collapse(needExpected(kase, 'edit-distance'))];
      const cells = editCells(a, b);
      if (cells > gradeLimits.maxEditCells) {
        throw new GradeLimitError(
          `edit distance of ${formatCount(a.length)} by ${formatCount(b.length)} characters needs ${formatCount(cells)} steps; the limit is ${formatCount(gradeLimits.maxEditCells)}`,
        );
      }
      const score = editSimilarity(a, b);
      return { score, pass: score >= (grader.threshold ?? 0.8) };
    }
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
