import { inferenceItemsKey, type InferenceItem } from '@llmops/contracts';
import { pseudonymize } from '@llmops/pii';
import type { SubmissionDeps } from './deps';

/** Items pseudonymized at once (vault round trips overlap) and written per HSET. */
const ITEMS_PER_WRITE = 250;

/**
 * Pseudonymizes every prompt with the job id as the vault scope and writes the items into a hash keyed
 * by the job id (one field per item, "0".."n-1"), kept for the job retention. The payload then carries
 * only the settings and the count.
 */
export async function storeItems(deps: SubmissionDeps, tenant: string, jobId: string, items: readonly InferenceItem[]): Promise<void> {
  const policy = deps.services.piiPolicyFor(tenant);
  const itemsKey = inferenceItemsKey(deps.prefix, jobId);
  for (let start = 0; start < items.length; start += ITEMS_PER_WRITE) {
    const slice = items.slice(start, start + ITEMS_PER_WRITE);
    const safe = await Promise.all(
      slice.map(async (item) => ({
        id: item.id,
        messages: await Promise.all(
          item.messages.map(async (m) => ({
            role: m.role,
            content: (await pseudonymize(m.content, { scope: jobId, policy, vault: deps.services.vault })).text,
          })),
        ),
      })),
    );
    await deps.redis
      .multi()
      .hset(itemsKey, ...safe.flatMap((item, i) => [String(start + i), JSON.stringify(item)]))
      .expire(itemsKey, deps.retentionSeconds)
      .exec();
  }
}
