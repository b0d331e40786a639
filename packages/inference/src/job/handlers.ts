import { consumeDocChanges, createSemanticCache, INDEX_BY_SCHEDULER } from '@llmops/cache';
import type { inferenceJobs } from '@llmops/contracts';
import type { JobHandlers } from '@llmops/queue';
import { runInference } from './run';
import { runWarmTick } from './warming';
import type { ProcessorDeps } from '@llmops/services';

/** How often each worker reads the documents-changed stream and sweeps the cache. */
const HOUSEKEEPING_MS = 2_000;

/**
 * Handlers of the inference job family. Besides the handlers, each worker invalidates cache entries
 * whose documents changed and sweeps expired entries out of the vector store (both idempotent, so
 * every replica may do it). Warming schedulers are written by the API's `POST /v1/cache/warming`.
 */
export function inferenceHandlers(deps: ProcessorDeps): JobHandlers<typeof inferenceJobs> {
  const cache = createSemanticCache({ redis: deps.redis, prefix: deps.prefix, vectors: deps.services.vectors, maintenance: INDEX_BY_SCHEDULER });
  const consumer = `worker-${process.pid}`;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    Promise.all([consumeDocChanges({ redis: deps.redis, prefix: deps.prefix, cache, consumer }), cache.housekeeping()])
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'inference housekeeping failed'))
      .finally(() => (busy = false));
  }, HOUSEKEEPING_MS);
  timer.unref();
  return {
    inference: (context) => runInference(deps, cache, context),
    'cache-warm-tick': (context) => runWarmTick(deps, cache, context),
  };
}
