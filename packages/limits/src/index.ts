export {
  TenantLimitsConfig,
  TenantLimitsBlock,
  BudgetAmount,
  TenantLimitsConfigError,
  parseTenantLimits,
  limitsFor,
  builtInLimits,
  type TenantLimits,
  type BudgetLine,
} from './config';
export { limitsKeys, queueTag, type LimitsKeys } from './keys';
export { createRateLimiter, type RateLimiter, type RateDecision } from './rate';
export { createAdmission, type Admission, type AdmissionOptions, type AdmitJob, type AdmitResult, type AdmissionRefusal } from './admission';
export { estimateInference, type InferenceEstimateOptions } from './estimate/inference';
export { createPacer } from './estimate/pace';
export { estimateEvaluation, JUDGE_PROMPT_OVERHEAD_TOKENS, type EvaluationEstimateOptions } from './estimate/evaluation';
export { estimateIngest, type IngestEstimateOptions } from './estimate/ingest';
export { estimateCalibration } from './estimate/calibration';
export { workProblem, type WorkProblem } from './estimate/problem';
export type { WorkEstimate, ModelWork, ModelRegistryLike } from './estimate/tally';
export {
  createBudgets,
  type Budgets,
  type BudgetsOptions,
  type BudgetRefusal,
  type BudgetStatus,
  type JobAmounts,
  type JobReservation,
  type CallHold,
  type CallDecision,
} from './budget/budgets';
export { createSpendGuard, type SpendGuardImpl } from './budget/guard';
export { createFairScheduler, priorityOfTag, BULLMQ_MAX_PRIORITY, type FairScheduler, type FairOptions, type FairAssignment } from './fair/fair';
export { createRefusalCounter, kindOf, limitKinds, type LimitKind, type RefusalCounter, type RefusalCount } from './metrics/refusals';
export { createWaitTimes, quantile, waitBuckets, type WaitTimes, type WaitHistogram } from './metrics/wait-histogram';
export {
  createTenantLimits,
  type TenantLimitsOptions,
  type TenantLimitsService,
  type LimitRefusal,
  type SubmittedJob,
  type AdmitRequest,
  type AdmitOutcome,
  type LimitsStatus,
} from './tenant-limits';
