import { editSimilarity } from './edit-distance';
import { schemaValidator } from './json-schema';

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
  /** Output matches `pattern` (JS syntax) with `flags` (default none). */
  | { type: 'regex'; pattern: string; flags?: string }
  /** Output parses as JSON. */
  | { type: 'json' }
  /** Output parses as JSON and validates against `schema` (JSON Schema, checked with ajv). */
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

export class MissingExpectedError extends Error {
  constructor(caseId: string, grader: string) {
    super(`case ${caseId} has no expected answer, which the ${grader} grader needs`);
    this.name = 'MissingExpectedError';
  }
}

/** Grades one output. Throws {@link MissingExpectedError} when the grader needs `expected` and the case has none. */
export function gradeDeterministic(grader: DeterministicGrader, kase: GradedCase, output: string): Grade {
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
      return pass(new RegExp(grader.pattern, grader.flags ?? '').test(output));
    case 'json':
      return parseJson(output).ok ? pass(true) : pass(false, 'not valid JSON');
    case 'json-schema': {
      const parsed = parseJson(output);
      if (!parsed.ok) return pass(false, 'not valid JSON');
      const validate = schemaValidator(grader.schema);
      if (validate(parsed.value)) return pass(true);
      const first = validate.errors?.[0];
      return pass(false, first ? `${first.instancePath || '/'} ${first.message ?? 'invalid'}` : 'invalid');
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
      const score = editSimilarity(collapse(output), collapse(needExpected(kase, 'edit-distance')));
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
