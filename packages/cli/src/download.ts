import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { Job, LlmopsClient } from '@llmops/client';

/**
 * Writes a job's item results as JSONL (one per line, in item order) to a file or stdout ('-').
 * Inference answers and evaluation grades come from their own routes, with the owner's data restored.
 */
export async function downloadResults(
  client: LlmopsClient,
  job: Pick<Job, 'id' | 'type'>,
  target: string,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const items: AsyncIterable<unknown> =
    job.type === 'inference'
      ? client.inference.results(job.id, { limit: 1000 })
      : job.type === 'evaluation'
        ? client.evaluations.results(job.id, { limit: 1000 })
        : client.jobs.results(job.id, { limit: 1000 });
  if (target !== '-') mkdirSync(dirname(target), { recursive: true });
  const out = target === '-' ? stdout : createWriteStream(target);
  let count = 0;
  for await (const item of items) {
    if (!out.write(`${JSON.stringify(item)}\n`)) await once(out, 'drain');
    count += 1;
  }
  if (out !== stdout) {
    out.end();
    await once(out, 'finish');
  }
  return count;
}
