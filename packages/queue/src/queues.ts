import { FlowProducer, Queue, type JobsOptions } from 'bullmq';
import type { RedisClient } from '@llmops/redis';
import { bullPrefix, type JobCatalog, type JobDefinition } from '@llmops/contracts';

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

/**
 * One BullMQ Queue per catalog entry, all on one (producer) connection, each under its own hash-tagged
 * prefix (`bullPrefix`), so each queue family may live on its own Redis Cluster master.
 */
export function createJobQueues(options: {
  catalog: JobCatalog;
  connection: RedisClient;
  /** The deployment prefix (QUEUE_PREFIX). */
  prefix: string;
  retentionSeconds: number;
}): JobQueues {
  const queues = new Map<string, Queue>();
  for (const [name, definition] of Object.entries(options.catalog)) {
    queues.set(
      name,
      new Queue(name, {
        connection: options.connection,
        prefix: bullPrefix(options.prefix, definition),
        defaultJobOptions: jobOptionsFor(definition, options.retentionSeconds),
      }),
    );
  }
  // One flow producer per slot: a flow's parent and children share their queues' slot (`slotWith`).
  const flows = new Map<string, FlowProducer>();
  const definitionOf = (name: string) => {
    const definition = options.catalog[name];
    if (!definition) throw new Error(`no queue "${name}" in the catalog`);
    return definition;
  };
  const optionsOf = (name: string) => jobOptionsFor(definitionOf(name), options.retentionSeconds);
  let closing: Promise<void> | undefined;
  return {
    names: [...queues.keys()],
    async addFlow(parent, children) {
      const prefix = bullPrefix(options.prefix, definitionOf(parent.name));
      for (const child of children) {
        if (bullPrefix(options.prefix, definitionOf(child.name)) !== prefix)
          throw new Error(`queue "${child.name}" must share a slot with "${parent.name}" (slotWith) to be its flow child`);
      }
      let producer = flows.get(prefix);
      if (!producer) flows.set(prefix, (producer = new FlowProducer({ connection: options.connection, prefix })));
      await producer.add({
        name: parent.name,
        queueName: parent.name,
        data: parent.data,
        opts: { ...optionsOf(parent.name), jobId: parent.jobId, ...(parent.priority ? { priority: parent.priority } : {}) },
        children: children.map((child) => ({
          name: child.name,
          queueName: child.name,
          prefix,
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
      closing ??= Promise.allSettled([...queues.values(), ...flows.values()].map((closable) => closable.close())).then(() => undefined);
      return closing;
    },
  };
}
