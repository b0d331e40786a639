import type { SampleGrade } from './report';
import { parseVerdict } from './verdict';

/** One judge call's reply: its text and what it cost. */
export interface JudgeReply {
  content: string | null | undefined;
  costNano: bigint;
}

/** Options of {@link askJudge}. */
export interface AskJudgeOptions {
  /** Tries in all, counting any made before (e.g. a Batch API line). Default 3. */
  maxAttempts?: number;
  /** Tries already made elsewhere. Default 0. */
  attemptsMade?: number;
  /** Normalised score needed to pass. Default 0.5. */
  threshold?: number;
  /** A reply to start from (e.g. a Batch API line's), counted as one of `attemptsMade`. */
  problem?: string;
}

export interface JudgeOutcome {
  grade: SampleGrade;
  /** Calls made here. */
  calls: number;
  costNano: bigint;
}

/**
 * Asks a judge until its verdict is valid: `call(attempt)` is made for attempt = attemptsMade + 1
 * .. maxAttempts (give each attempt its own ledger key). A verdict that is still malformed after the
 * last try is returned as `malformed` with the last problem, never turned into a score.
 */
export async function askJudge(call: (attempt: number) => Promise<JudgeReply>, options: AskJudgeOptions = {}): Promise<JudgeOutcome> {
  const maxAttempts = options.maxAttempts ?? 3;
  let problem = options.problem ?? 'no verdict';
  let costNano = 0n;
  let calls = 0;
  for (let attempt = (options.attemptsMade ?? 0) + 1; attempt <= maxAttempts; attempt++) {
    const reply = await call(attempt);
    calls++;
    costNano += reply.costNano;
    const verdict = parseVerdict(reply.content);
    if (verdict.ok) {
      const grade: SampleGrade = {
        status: 'graded',
        score: verdict.normalized,
        pass: verdict.normalized >= (options.threshold ?? 0.5),
        detail: verdict.verdict.reason,
      };
      return { grade, calls, costNano };
    }
    problem = verdict.problem;
  }
  return { grade: { status: 'malformed', problem, attempts: maxAttempts }, calls, costNano };
}
