import { schemaProblems } from './json-schema';
import { flagsProblem, patternProblem } from './safe-regex';

/** A grader field that cannot be used, with its path in the request body's `graders`. */
export interface GraderProblem {
  /** `graders.<index>.pattern`, `graders.<index>.flags`, `graders.<index>.schema` or a path inside the schema (`graders.1.schema.properties.id.pattern`). */
  path: string;
  message: string;
}

/** The grader fields checked here; every GraderSpec of @llmops/contracts fits. */
export interface CheckedGrader {
  type: string;
  pattern?: string;
  flags?: string;
  schema?: Record<string, unknown>;
}

/**
 * Compiles every `regex` pattern and `json-schema` schema with the engine, caches and limits the
 * worker grades with, and says what cannot be used: syntax RE2 lacks (backreferences, lookaround),
 * invalid syntax, unknown or repeated flags, patterns too long or too complex, schemas nested too
 * deep or too large, non-local or dangling $refs, and schema patterns RE2 refuses. An empty list
 * means the worker will grade without a pattern or schema error. Call it before enqueueing.
 */
export function graderProblems(graders: readonly CheckedGrader[]): GraderProblem[] {
  return graders.flatMap((grader, index): GraderProblem[] => {
    const at = `graders.${index}`;
    if (grader.type === 'regex' && grader.pattern !== undefined) {
      const flags = grader.flags ?? '';
      const flagIssue = flagsProblem(flags);
      if (flagIssue) return [{ path: `${at}.flags`, message: flagIssue }];
      const issue = patternProblem(grader.pattern, flags);
      return issue ? [{ path: `${at}.pattern`, message: issue }] : [];
    }
    if (grader.type === 'json-schema' && grader.schema !== undefined) {
      return schemaProblems(grader.schema).map((issue) => ({ path: issue.path ? `${at}.schema.${issue.path}` : `${at}.schema`, message: issue.message }));
    }
    return [];
  });
}
