import { z } from 'zod';
import { sumUsd } from './money';
import { mean, pairwiseAgreement, passAtK, passRate, standardDeviation } from './stats';
import { runSteps, runStepsPaced, type Steps } from './steps';

/** One grader's outcome on one sample: graded, or why not (never silently scored). */
export const SampleGrade = z.discriminatedUnion('status', [
  z.object({ status: z.literal('graded'), score: z.number(), pass: z.boolean(), detail: z.string().optional() }),
  z.object({ status: z.literal('malformed'), problem: z.string(), attempts: z.number().int() }),
  z.object({ status: z.literal('error'), problem: z.string() }),
]);
export type SampleGrade = z.infer<typeof SampleGrade>;

/** Everything stored for one case x sample (the job's item result; read back with this schema). */
export const SampleRecord = z.object({
  caseId: z.string(),
  sample: z.number().int(),
  output: z.string(),
  grades: z.record(z.string(), SampleGrade),
  /** Cost of every model call made for this sample (generation, embeddings, judge). */
  costUsd: z.string(),
});
export type SampleRecord = z.infer<typeof SampleRecord>;

export interface GraderInfo {
  name: string;
  type: string;
}

export interface CaseGraderStats {
  mean: number;
  stdDev: number;
  passRate: number;
  /** pass@k for k = the number of samples. */
  passAtK: number;
  graded: number;
}

export interface GraderSummary {
  type: string;
  /** Mean score over every graded sample. */
  mean: number;
  /** Mean over cases of the standard deviation across that case's samples. */
  stdDev: number;
  passRate: number;
  /** pass@k averaged over cases, for k = 1 .. samples. */
  passAtK: Record<string, number>;
  graded: number;
  malformed: number;
  errors: number;
  /** Judges only: mean over cases of the share of sample pairs given the same pass/fail verdict; null with one sample. */
  judgeAgreement?: number | null;
}

export interface EvaluationSummary {
  cases: number;
  samples: number;
  graders: Record<string, GraderSummary>;
  perCase: { id: string; graders: Record<string, CaseGraderStats> }[];
  cost: { usd: string };
}

/** Groups sample records by case, in first-seen order. */
export function byCase(records: readonly SampleRecord[]): Map<string, SampleRecord[]> {
  const cases = new Map<string, SampleRecord[]>();
  for (const record of records) {
    const list = cases.get(record.caseId) ?? [];
    list.push(record);
    cases.set(record.caseId, list);
  }
  for (const list of cases.values()) list.sort((a, b) => a.sample - b.sample);
  return cases;
}

type Graded = Extract<SampleGrade, { status: 'graded' }>;
const gradedOf = (records: readonly SampleRecord[], grader: string): Graded[] =>
  records.map((record) => record.grades[grader]).filter((grade): grade is Graded => grade?.status === 'graded');

/** Per-case statistics of one grader. */
export function caseStats(records: readonly SampleRecord[], grader: string): CaseGraderStats {
  const graded = gradedOf(records, grader);
  const scores = graded.map((grade) => grade.score);
  const passes = graded.map((grade) => grade.pass);
  return {
    mean: mean(scores),
    stdDev: standardDeviation(scores),
    passRate: passRate(passes),
    passAtK: passAtK(graded.length, passes.filter(Boolean).length, graded.length),
    graded: graded.length,
  };
}

/** The report's statistics over a run's sample records. */
export function summarize(records: readonly SampleRecord[], graders: readonly GraderInfo[], samples: number): EvaluationSummary {
  return runSteps(summarizeSteps(records, graders, samples));
}

/** {@link summarize}, awaiting `pause()` after each grader (100,000 records x 20 graders is a lot of work for one turn of an event loop). */
export function summarizePaced(
  records: readonly SampleRecord[],
  graders: readonly GraderInfo[],
  samples: number,
  pause: () => Promise<void>,
): Promise<EvaluationSummary> {
  return runStepsPaced(summarizeSteps(records, graders, samples), pause);
}

function* summarizeSteps(records: readonly SampleRecord[], graders: readonly GraderInfo[], samples: number): Steps<EvaluationSummary> {
  const cases = byCase(records);
  const summary: Record<string, GraderSummary> = {};
  for (const grader of graders) {
    const all = records.map((record) => record.grades[grader.name]);
    const graded = all.filter((grade): grade is Graded => grade?.status === 'graded');
    const passAtKs: Record<string, number> = {};
    for (let k = 1; k <= samples; k++) {
      passAtKs[String(k)] = mean(
        [...cases.values()].map((list) => {
          const g = gradedOf(list, grader.name);
          return passAtK(g.length, g.filter((grade) => grade.pass).length, Math.min(k, g.length));
        }),
      );
    }
    summary[grader.name] = {
      type: grader.type,
      mean: mean(graded.map((grade) => grade.score)),
      stdDev: mean([...cases.values()].map((list) => standardDeviation(gradedOf(list, grader.name).map((grade) => grade.score)))),
      passRate: passRate(graded.map((grade) => grade.pass)),
      passAtK: passAtKs,
      graded: graded.length,
      malformed: all.filter((grade) => grade?.status === 'malformed').length,
      errors: all.filter((grade) => grade?.status === 'error').length,
      ...(grader.type === 'rubric' ? { judgeAgreement: judgeAgreement([...cases.values()], grader.name) } : {}),
    };
    yield;
  }
  const perCase: EvaluationSummary['perCase'] = [];
  for (const [id, list] of cases) {
    perCase.push({ id, graders: Object.fromEntries(graders.map((grader) => [grader.name, caseStats(list, grader.name)])) });
    if (perCase.length % 500 === 0) yield;
  }
  return {
    cases: cases.size,
    samples,
    graders: summary,
    perCase,
    cost: { usd: sumUsd(records.map((record) => record.costUsd)) },
  };
}

function judgeAgreement(cases: readonly SampleRecord[][], grader: string): number | null {
  const agreements = cases
    .map((list) => pairwiseAgreement(gradedOf(list, grader).map((grade) => grade.pass)))
    .filter((value): value is number => value !== null);
  return agreements.length === 0 ? null : mean(agreements);
}
