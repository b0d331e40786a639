export { seededRandom } from './random';
export { mean, standardDeviation, passRate, passAtK, pairwiseAgreement, cosine } from './stats';
export { bootstrapDifference, type BootstrapOptions, type DifferenceInterval, type Verdict } from './bootstrap';
export { levenshtein, editSimilarity, editCells } from './edit-distance';
export { schemaValidator, schemaProblem, schemaProblems, SchemaError, type CompiledSchema, type SchemaVerdict } from './json-schema';
export { compilePattern, patternProblem, flagsProblem, PatternError, type SafeRegex } from './safe-regex';
export { graderProblems, type GraderProblem, type CheckedGrader } from './grader-problems';
export { gradeLimits, GradeError, GradeLimitError } from './limits';
export { gradeDeterministic, firstNumber, MissingExpectedError, type DeterministicGrader, type Grade, type GradedCase } from './deterministic';
export { builtInRubrics, isBuiltInRubric, type BuiltInRubric, type Rubric, type RubricReference } from './rubrics';
export { buildJudgeRequest, neutraliseFences, verdictJsonSchema, judgeScale, MissingReferenceError, JUDGE_MAX_TOKENS, type JudgeRequest } from './judge-prompt';
export { JudgeVerdict, parseVerdict, type ParsedVerdict } from './verdict';
export {
  calibrate,
  formatCalibration,
  defaultThresholds,
  type CalibrationOptions,
  type CalibrationReport,
  type ScoredPair,
  type ThresholdRow,
} from './calibration';
export { sumUsd } from './money';
export {
  summarize,
  summarizePaced,
  caseStats,
  byCase,
  SampleGrade,
  SampleRecord,
  type GraderInfo,
  type GraderSummary,
  type CaseGraderStats,
  type EvaluationSummary,
} from './report';
export { compareRuns, compareRunsPaced, type Comparison, type MetricComparison } from './compare';
export { LabelledPair, parsePairs, loadCachePairs } from './corpus';
export { askJudge, type AskJudgeOptions, type JudgeOutcome, type JudgeReply } from './ask-judge';
export { evaluationHandlers } from './job/handlers';
export type { EvaluationJobDeps } from './job/run';
export type { PipelineGenerator, PipelineGeneratorSpec } from './job/types';
export { protectEvaluation, protectCalibration, type Protect } from './submission/protect';
export { checkEvaluationReferences, InvalidGradersError, type EvaluationReferenceChecks } from './submission/references';
export { readRestoredResults, type Restore } from './submission/results';
