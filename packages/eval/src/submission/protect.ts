import type { CacheCalibrationPayload, EvaluationPayload, GraderSpec } from '@llmops/contracts';

/** Replaces personal data in one text (the API wires @llmops/pii's pseudonymize, scoped to the job). */
export type Protect = (text: string) => Promise<string>;

const optional = async (protect: Protect, text: string | undefined) => (text === undefined ? undefined : protect(text));

/** Drops keys whose value is undefined, so the payload parses back to the same value from JSON. */
const defined = <T extends Record<string, unknown>>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;

async function protectGrader(protect: Protect, grader: GraderSpec): Promise<GraderSpec> {
  if (grader.type === 'contains' && grader.value !== undefined) return { ...grader, value: await protect(grader.value) };
  if (grader.type === 'rubric' && typeof grader.rubric === 'object')
    return { ...grader, rubric: { ...grader.rubric, criteria: await protect(grader.rubric.criteria) } };
  return grader;
}

/**
 * Every free text of an evaluation through `protect` -- case texts, the generation's system prompt,
 * `contains` values and custom rubric criteria -- so the payload in Redis, the provider (generation,
 * judge) and the stored grades carry tokens such as <EMAIL_1> instead of personal data. With one
 * vault scope per job, tokens are stable within the job, so an expected answer, a `contains` value
 * and an output that name the same person still match.
 */
export async function protectEvaluation(payload: EvaluationPayload, protect: Protect): Promise<EvaluationPayload> {
  const cases = await Promise.all(
    payload.cases.map(async (kase) =>
      defined({
        ...kase,
        input: await protect(kase.input),
        expected: await optional(protect, kase.expected),
        context: await optional(protect, kase.context),
        output: await optional(protect, kase.output),
      }),
    ),
  );
  const generate = payload.generate ? defined({ ...payload.generate, system: await optional(protect, payload.generate.system) }) : undefined;
  const graders = await Promise.all(payload.graders.map((grader) => protectGrader(protect, grader)));
  return defined({ ...payload, cases, generate, graders });
}

/** The labelled pairs of a calibration go to the embeddings endpoint: protected like everything else. */
export async function protectCalibration(payload: CacheCalibrationPayload, protect: Protect): Promise<CacheCalibrationPayload> {
  if (!payload.pairs) return payload;
  const pairs = await Promise.all(payload.pairs.map(async (pair) => ({ ...pair, a: await protect(pair.a), b: await protect(pair.b) })));
  return { ...payload, pairs };
}
