import cliProgress from 'cli-progress';
import { progressCounts, type JobDetail, type JobEvent, type LlmopsClient } from '@llmops/client';
import { dollars, ResultTally } from './tally';

export interface FollowOptions {
  /** Draw the live bar (on a terminal). Default: when `stream` is a TTY. */
  bar?: boolean;
  /** Where the bar and the closing line go. Default: stderr, so stdout stays for data and --json. */
  stream?: NodeJS.WriteStream;
  signal?: AbortSignal;
  /** How often results are tallied for cache hits and dollars. Default 1,000 ms. */
  tallyEveryMs?: number;
  /** Items the job has, when the caller knows (it submitted them); else the first progress report tells. Default: unknown. */
  total?: number;
}

const FORMAT = ' {bar} {percentage}% | {value}/{total} {unit} | {rate}/s | ETA {eta_formatted} | cache hits {hits} | ${cost} | {state}';

/**
 * Follows a job to its end over its event stream, drawing items done/total, rate, ETA, cache hits
 * and dollars; returns the job as it ended.
 */
export async function followJob(client: LlmopsClient, jobId: string, options: FollowOptions = {}): Promise<JobDetail> {
  const stream = options.stream ?? process.stderr;
  const drawing = options.bar ?? stream.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      format: FORMAT,
      stream,
      hideCursor: true,
      barsize: 24,
      etaBuffer: 50,
      fps: 5,
      noTTYOutput: drawing,
      notTTYSchedule: 1_000,
      formatValue: (value) => String(value),
    },
    cliProgress.Presets.shades_classic,
  );
  const tally = jobId.startsWith('inference') ? new ResultTally(client, jobId) : undefined;
  const started = Date.now();
  let total = options.total ?? 0;
  let done = 0;
  // Job ids start with their queue: what the bar counts.
  let unit = jobId.startsWith('ingest') ? 'documents' : jobId.startsWith('evaluation') ? 'samples' : 'items';
  let state = 'waiting';
  let drawn = false;
  const payload = () => ({
    unit,
    state,
    rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1),
    hits: tally ? String(tally.cacheHits) : '-',
    cost: tally ? dollars(tally.costNanoUsd) : '-',
  });
  const draw = () => {
    // Until the total is known there is nothing honest to draw.
    if (!drawing || total === 0) return;
    if (!drawn) {
      bar.start(Math.max(total, done), done, payload());
      drawn = true;
    }
    bar.setTotal(Math.max(total, done));
    bar.update(done, payload());
  };
  const onProgress = (progress: unknown) => {
    const counts = progressCounts(progress);
    if (!counts) return;
    total = counts.total;
    done = Math.max(done, counts.done);
    if (progress && typeof progress === 'object' && 'documents' in progress) unit = 'documents';
  };
  const onEvent = (event: JobEvent) => {
    if (event.type === 'state') {
      state = event.job.state;
      onProgress(event.job.progress);
    } else if (event.type === 'active') state = 'active';
    else if (event.type === 'progress') onProgress(event.progress);
    else state = event.type;
    draw();
  };
  let polling: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (!tally || polling) return draw();
    polling = tally
      .poll()
      .then(() => {
        done = Math.max(done, tally.count);
        draw();
      })
      .catch(() => undefined)
      .finally(() => (polling = undefined));
  }, options.tallyEveryMs ?? 1_000);
  try {
    const job = await client.jobs.wait(jobId, { onEvent, ...(options.signal ? { signal: options.signal } : {}) });
    await polling;
    if (tally) await tally.poll().catch(() => undefined);
    const counts = progressCounts(job.progress);
    if (counts) total = counts.total;
    if (job.state === 'completed') done = Math.max(done, total, tally?.count ?? 0);
    state = job.state;
    draw();
    return job;
  } finally {
    clearInterval(timer);
    if (drawn) bar.stop();
  }
}

/** One line on how a job ended: its summary's counts, cache hits and dollars where it has them. */
export function endLine(job: JobDetail, seconds: number): string {
  const result = (job.result ?? {}) as Record<string, unknown>;
  const parts = [`${job.id} ${job.state} in ${seconds.toFixed(1)} s`];
  if (typeof result.items === 'number') parts.push(`${result.answered as number}/${result.items} answered`);
  if (typeof result.cacheHits === 'number') parts.push(`${result.cacheHits} cache hits`);
  const documents = result.documents as { total?: number } | undefined;
  if (typeof documents?.total === 'number') parts.push(`${documents.total} documents`);
  const cost = typeof result.costUsd === 'string' ? result.costUsd : (result.cost as { usd?: string } | undefined)?.usd;
  if (cost !== undefined) parts.push(`$${cost}`);
  if (job.error) parts.push(`error: ${job.error.message}`);
  return parts.join(', ');
}
