import type { RedisClient } from '@llmops/redis';
import { literalsOf, normalizePrompt, sha256 } from './canonical';
import type { EntryStore } from './entries';
import type { CacheKeys } from './keys';
import type { CacheHit } from './types';
import type { VerificationPolicy, Verifier } from './verify';

/** How a similarity lookup decides. */
export interface SimilarRequest {
  /** Serve candidates at or above this cosine similarity. */
  threshold: number;
  /** The asker's canonical prompt: the literal guard compares it, and wrong-hit reports block pairs by it. */
  prompt: string;
  /** Gray-band verification; absent or mode `off`: none. */
  verification?: { policy: VerificationPolicy; verify: Verifier };
}

/** What a similarity lookup found, and what verification did on the way. */
export interface SimilarOutcome {
  hit?: CacheHit;
  /** Candidates the verifier confirmed (0 or 1) and rejected. */
  verification: { confirmed: number; rejected: number; costNanoUsd: bigint };
}

/** Key of a prompt in the blocked-pairs set. */
export function promptKey(prompt: string): string {
  return sha256(normalizePrompt(prompt)).slice(0, 32);
}

/**
 * Nearest entries of the scope, best first: a candidate is skipped when its entry is gone (expired,
 * removed) or was replaced (another version), when this prompt reported it wrong before, or when its
 * numbers or pseudonym tokens differ (`requireSameLiterals`). The first remaining candidate at or
 * above the serving threshold is the hit; in the gray band the verifier decides (at most
 * `maxVerifications` calls per lookup).
 */
export async function lookupSimilar(
  deps: { redis: RedisClient; keys: CacheKeys; entries: EntryStore; candidates: number; requireSameLiterals: boolean; maxVerifications: number },
  tenant: string,
  scope: string,
  vector: ArrayLike<number>,
  request: SimilarRequest,
): Promise<SimilarOutcome> {
  const verification = { confirmed: 0, rejected: 0, costNanoUsd: 0n };
  const policy = request.verification?.policy;
  const verifying = policy !== undefined && policy.mode !== 'off';
  const floor = verifying ? request.threshold - policy.band : request.threshold;
  const direct = verifying && policy.mode === 'around' ? request.threshold + policy.band : request.threshold;
  const candidates = (await deps.entries.search(tenant, scope, vector, deps.candidates)).filter((c) => c.similarity >= floor);
  if (candidates.length === 0) return { verification };
  const asked = promptKey(request.prompt);
  const [entries, blocked] = await Promise.all([
    deps.entries.getMany(
      tenant,
      scope,
      candidates.map((c) => c.entryId),
    ),
    deps.redis.smismember(deps.keys.blocked(scope), ...candidates.map((c) => `${asked}|${c.entryId}`)),
  ]);
  const literals = literalsOf(request.prompt);
  for (const [i, candidate] of candidates.entries()) {
    const entry = entries[i];
    if (!entry || entry.version !== candidate.version || blocked[i] === 1) continue;
    if (deps.requireSameLiterals && literalsOf(entry.prompt) !== literals) continue;
    const hit: CacheHit = { kind: 'semantic', entryId: candidate.entryId, similarity: candidate.similarity, entry };
    if (candidate.similarity >= direct) return { hit, verification };
    if (!verifying || verification.confirmed + verification.rejected >= deps.maxVerifications) continue;
    const result = await request.verification!.verify(request.prompt, entry.prompt);
    verification.costNanoUsd += result.costNanoUsd;
    if (result.same) {
      verification.confirmed += 1;
      return { hit, verification };
    }
    verification.rejected += 1;
  }
  return { verification };
}
