import type { Job, Queue } from 'bullmq';
import type { Registry } from 'prom-client';
import { attemptOutcomes, durationBuckets, type DurationHistogram, type JobQueues } from '@llmops/queue';
import type { CancelledJobs } from '@llmops/queue';
import { storedGauge, StoredHistogram, type StoredSample } from './stored-metrics';

/** BullMQ's states, plus `cancelled`: jobs of the failed set that their owner cancelled. */
const bullStates = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children'] as const;
export const queueStates = [...bullStates, 'cancelled'] as const;

/**
 * How many jobs at the head of the prioritized set are looked at for the oldest one. Fair scheduling
 * gives each tenant's oldest waiting job a tag close to the head (a newcomer gets max(V, last)+1), so
 * the oldest job of the queue is among the first few; the whole set is never read at scrape time.
 */
const PRIORITIZED_SAMPLE = 10;

export interface QueueMetricsDeps {
  queues: JobQueues;
  durations: DurationHistogram;
  cancellations: Pick<CancelledJobs, 'count'>;
  registry: Registry;
  now?: () => number;
}

/**
 * Queue metrics read at scrape time through BullMQ's API (every replica's jobs): depth by state
 * with cancellations apart from failures, the age of the oldest job ready to run, whether a queue is
 * paused, and job attempt durations from the workers' shared histogram.
 */
export function registerQueueMetrics(deps: QueueMetricsDeps): void {
  const now = deps.now ?? Date.now;
  storedGauge({
    name: 'llmops_queue_jobs',
    help: 'Jobs per queue and state; state="cancelled" counts jobs their owner cancelled, which "failed" does not include',
    labelNames: ['queue', 'state'],
    registry: deps.registry,
    read: () => Promise.all(deps.queues.all().map((queue) => depthSamples(queue, deps.cancellations))).then((rows) => rows.flat()),
  });
  storedGauge({
    name: 'llmops_queue_oldest_waiting_seconds',
    help: 'Age (since submission) of the oldest job waiting to run, waiting or prioritized; 0 when none waits',
    labelNames: ['queue'],
    registry: deps.registry,
    read: () => Promise.all(deps.queues.all().map(async (queue) => ({ labels: { queue: queue.name }, value: await oldestWaitingSeconds(queue, now()) }))),
  });
  storedGauge({
    name: 'llmops_queue_paused',
    help: '1 while a queue is paused (its jobs wait, no worker takes them)',
    labelNames: ['queue'],
    registry: deps.registry,
    read: () => Promise.all(deps.queues.all().map(async (queue) => ({ labels: { queue: queue.name }, value: (await queue.isPaused()) ? 1 : 0 }))),
  });
  new StoredHistogram({
    name: 'llmops_job_duration_seconds',
    help: `Processing time of job attempts by outcome (completed, failed, cancelled), all workers; buckets ${durationBuckets.join(', ')} s`,
    labelNames: ['queue', 'outcome'],
    registry: deps.registry,
    read: () =>
      Promise.all(
        deps.queues.names.flatMap((queue) =>
          attemptOutcomes.map(async (outcome) => ({ labels: { queue, outcome }, ...(await deps.durations.read(queue, outcome)) })),
        ),
      ),
  });
}

async function depthSamples(queue: Queue, cancellations: Pick<CancelledJobs, 'count'>): Promise<StoredSample<'queue' | 'state'>[]> {
  const [counts, noted] = await Promise.all([queue.getJobCounts(...bullStates), cancellations.count(queue.name)]);
  const failedSet = counts.failed ?? 0;
  // Never more cancellations than the failed set holds (Bull Board's clean or retry can empty it).
  const cancelled = Math.min(noted, failedSet);
  const value = (state: (typeof queueStates)[number]) =>
    state === 'cancelled' ? cancelled : state === 'failed' ? failedSet - cancelled : (counts[state] ?? 0);
  return queueStates.map((state) => ({ labels: { queue: queue.name, state }, value: value(state) }));
}

/**
 * Seconds since the oldest ready job was submitted: the tail of the wait list (FIFO) and the head of
 * the prioritized set, a few jobs each through `getJobs` -- never the whole queue.
 */
export async function oldestWaitingSeconds(queue: Queue, now: number): Promise<number> {
  const [waiting, prioritized] = await Promise.all([queue.getJobs(['wait'], 0, 0, true), queue.getJobs(['prioritized'], 0, PRIORITIZED_SAMPLE - 1, true)]);
  const submitted = [...waiting, ...prioritized]
    .filter((job): job is Job => job !== undefined && job !== null)
    .map((job) => job.timestamp)
    .filter((timestamp) => Number.isFinite(timestamp));
  return submitted.length === 0 ? 0 : Math.max(0, (now - Math.min(...submitted)) / 1000);
}
