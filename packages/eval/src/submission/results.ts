import type { ResultPage, ResultStore } from '@llmops/queue';

/** Puts one text's pseudonyms back (the API wires @llmops/pii's restore, scoped to the job). */
export type Restore = (text: string) => Promise<string>;

/** Every string in a JSON value with its pseudonyms put back (results nest: outputs, grade details). */
async function restoreDeep(value: unknown, restore: Restore): Promise<unknown> {
  // Only a string holding a token (<EMAIL_1>) can change: the others skip the vault.
  if (typeof value === 'string') return value.includes('<') ? restore(value) : value;
  if (Array.isArray(value)) return Promise.all(value.map((inner) => restoreDeep(inner, restore)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await restoreDeep(inner, restore)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * One page of an evaluation's per-sample results (outputs, grades) with the owner's data put back.
 * Stored results hold pseudonyms only. A cursor this store did not hand out throws
 * InvalidCursorError (@llmops/queue). Whose job it is, is the caller's check.
 */
export async function readRestoredResults(
  results: Pick<ResultStore, 'page'>,
  jobId: string,
  page: { cursor?: string | undefined; limit: number },
  restore: Restore,
): Promise<ResultPage> {
  const found = await results.page(jobId, page);
  const items = await Promise.all(found.items.map(async (item) => ({ ...item, result: await restoreDeep(item.result, restore) })));
  return { items, nextCursor: found.nextCursor };
}
