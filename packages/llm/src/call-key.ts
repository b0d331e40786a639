import { createHash, randomUUID } from 'node:crypto';
// JSON with object keys sorted: the same request hashes the same however its object was built.
import { stableJson } from '@llmops/contracts';

/**
 * The identity of one provider call: the caller's key combined with everything that changes the
 * request (endpoint, model, dimensions, every parameter, the inputs). Two different requests never
 * share it, even under the same caller key (a 256- and a 1,536-dimension embedding of one prompt);
 * the same request under the same key always gets it, so a restarted job finds the answer it paid for.
 * Without a caller key every invocation is its own call.
 */
export function callIdentity(callerKey: string | undefined, endpoint: string, body: unknown): string {
  return createHash('sha256')
    .update(callerKey ?? randomUUID())
    .update('\n')
    .update(endpoint)
    .update('\n')
    .update(stableJson(body))
    .digest('hex')
    .slice(0, 32);
}

/** One attempt of a call (a retry is a new attempt): what the ledger counts an answer under. */
export function newAttemptId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * Sent as `X-Client-Request-Id` (OpenAI echoes it in its logs; the simulator logs it), so a provider
 * log can be matched with the ledger call for call. Opaque: hashes and random ids only, no tenant data.
 */
export function requestIdOf(call: string, attemptId: string): string {
  return `${call}.${attemptId}`;
}
