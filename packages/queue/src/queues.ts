import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobCatalog, JobDefinition } from '@llmops/contracts';

/** The BullMQ options every job of a type is added with: its retry policy and how long it is kept. */
export function jobOptionsFor(definition: JobDefinition, retentionSeconds: number): JobsOptions {
  return {
    attempts: definition.attempts,
    backoff: { type: definition.backoff.type, delay: definition.backoff.delayMs },
    removeOnComplete: { age: retentionSeconds },
    removeOnFail: { age: retentionSeconds },
  };
}

export interface JobQueues {
  readonly names: readonly string[];
  get(name: string): Queue;
  all(): Queue[];
  close(): Promise<void>;
}

/** One BullMQ Queue per catalog entry, all on one (producer) connection. */
export function createJobQueues(options: {
  catalog: JobCatalog;
  connection: Redis;
  prefix: string;
  retentionSeconds: number;
}): JobQueues {
  const queues = new Map<string, Queue>();
  for (const [name, definition] of Object.entries(options.catalog)) {
    queues.set(
      name,
      new Queue(name, {
        connection: options.connection,
        prefix: options.prefix,
        defaultJobOptions: jobOptionsFor(definition, options.retentionSeconds),
      }),
    );
  }
  let closing: Promise<void> | undefined;
  return {
    names: [...queues.keys()],
    get(name) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`no queue "${name}" in the catalog`);
      return queue;
    },
    all: () => [...queues.values()],
    close() {
      closing ??= Promise.allSettled([...queues.values()].map((queue) => queue.close())).then(() => undefined);
      return closing;
    },
  };
}
