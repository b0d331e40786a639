import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
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

/** One job of a flow: its catalog name (= queue), id and data. */
export interface FlowNode {
  name: string;
  jobId: string;
  data: unknown;
  /** BullMQ priority (fair scheduling); absent = FIFO. */
  priority?: number;
}

export interface JobQueues {
  readonly names: readonly string[];
  get(name: string): Queue;
  all(): Queue[];
  /**
   * Adds a parent and its children atomically (a BullMQ flow): the parent runs once every child has
   * completed, and fails if a child fails for good.
   */
  addFlow(parent: FlowNode, children: readonly FlowNode[]): Promise<void>;
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
  let flows: FlowProducer | undefined;
  const optionsOf = (name: string) => {
    const definition = options.catalog[name];
    if (!definition) throw new Error(`no queue "${name}" in the catalog`);
    return jobOptionsFor(definition, options.retentionSeconds);
  };
  let closing: Promise<void> | undefined;
  return {
    names: [...queues.keys()],
    async addFlow(parent, children) {
      flows ??= new FlowProducer({ connection: options.connection, prefix: options.prefix });
      await flows.add({
        name: parent.name,
        queueName: parent.name,
        data: parent.data,
        opts: { ...optionsOf(parent.name), jobId: parent.jobId, ...(parent.priority ? { priority: parent.priority } : {}) },
        children: children.map((child) => ({
          name: child.name,
          queueName: child.name,
          data: child.data,
          opts: { ...optionsOf(child.name), jobId: child.jobId, failParentOnFailure: true, ...(child.priority ? { priority: child.priority } : {}) },
        })),
      });
    },
    get(name) {
      const queue = queues.get(name);
      if (!queue) throw new Error(`no queue "${name}" in the catalog`);
      return queue;
    },
    all: () => [...queues.values()],
    close() {
      closing ??= Promise.allSettled([...[...queues.values()].map((queue) => queue.close()), flows?.close()]).then(() => undefined);
      return closing;
    },
  };
}
