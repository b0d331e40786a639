import type { TenantLimits } from '../config';
import type { WorkEstimate } from './tally';

/** A per-request work cap the request would pass: the body of a 413. */
export interface WorkProblem {
  /** The cap's name, e.g. `work.maxCallsPerJob`. */
  limit: `work.${keyof TenantLimits['work']}`;
  cap: number;
  requested: number;
  /** How `requested` was computed. */
  detail: string;
}

/** The first work cap the estimate passes, or undefined when it fits every one. */
export function workProblem(estimate: WorkEstimate, work: TenantLimits['work']): WorkProblem | undefined {
  const checks: [keyof TenantLimits['work'], number | undefined, string][] = [
    ['maxItemsPerJob', estimate.items, `${estimate.items ?? 0} items`],
    ['maxDocumentsPerRequest', estimate.documents, `${estimate.documents ?? 0} documents`],
    ['maxChunksPerRequest', estimate.chunks, estimate.detail],
    ['maxCallsPerJob', estimate.calls, estimate.detail],
  ];
  for (const [name, requested, detail] of checks) {
    if (requested !== undefined && requested > work[name]) return { limit: `work.${name}`, cap: work[name], requested, detail };
  }
  return undefined;
}
