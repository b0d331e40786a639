import type { Budgets, CallDecision, CallHold } from './budgets';

/**
 * The @llmops/llm spend hook backed by these budgets: pass it as `createLlmClient({ spend })`. It
 * matches llm's `SpendGuard` structurally (this package does not import llm).
 */
export interface SpendGuardImpl {
  reserve(request: { tenant: string; jobId?: string; model: string; estimatedNanoUsd: bigint; estimatedTokens: number; ttlMs?: number }): Promise<CallDecision>;
  settle(hold: CallHold, actual: { nanoUsd: bigint; tokens: number }): Promise<void>;
}

export function createSpendGuard(budgets: Budgets): SpendGuardImpl {
  return {
    reserve: (request) => budgets.reserveCall(request),
    settle: (hold, actual) => budgets.settle(hold, actual),
  };
}
