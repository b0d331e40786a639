import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Counting the tokens of a large request (10,000 items, megabytes of documents) is CPU work on the
 * API's event loop: the estimators call this between items, and it yields once ~8 ms have piled up,
 * so health checks and other requests keep being answered.
 */
export function createPacer(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await nextTurn();
    since = performance.now();
  };
}
