import pMap, { pMapSkip } from 'p-map';

/**
 * Maps `items` (an array or an async iterable read lazily) with at most `concurrency` calls in
 * flight; results in input order. After the first error no new item starts, the ones in flight
 * finish (their calls are paid for and their results kept), then the first error is thrown: no work
 * outlives the attempt that started it. Every processor's pool is this one.
 */
export async function mapPool<T, R>(items: Iterable<T> | AsyncIterable<T>, concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  let failed = false;
  try {
    // stopOnError false: p-map waits for the calls in flight; the items after a failure are skipped unstarted.
    return await pMap(
      stopAfterFailure(items, () => failed),
      async (item, index) => {
        if (failed) return pMapSkip;
        try {
          return await fn(item, index);
        } catch (error) {
          failed = true;
          throw error;
        }
      },
      { concurrency, stopOnError: false },
    );
  } catch (error) {
    // p-map gathers every failure in an AggregateError, in the order they happened.
    throw error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  }
}

/** An async source stops being read once a call failed (nothing more is fetched to be skipped). */
function stopAfterFailure<T>(items: Iterable<T> | AsyncIterable<T>, failed: () => boolean): Iterable<T> | AsyncIterable<T> {
  if (!(Symbol.asyncIterator in items)) return items;
  return (async function* () {
    for await (const item of items) {
      if (failed()) return;
      yield item;
    }
  })();
}

/** `items` in consecutive slices of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
