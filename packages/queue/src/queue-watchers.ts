import { QueueEvents } from 'bullmq';
import type { RedisClient } from '@llmops/redis';
import type { JobQueues } from './queues';

/** A queue's event stream, held open for a caller until it lets go. */
export interface QueueWatch {
  readonly events: QueueEvents;
  /** Once every holder has let go (and `idleMs` passed without a new one), the stream is closed. */
  release(): void;
}

/**
 * Reads a queue's event stream (BullMQ QueueEvents) only while someone watches one of its jobs: an
 * SSE client, a request waiting for its answer. A process that reads every event of every queue
 * pays for each job any replica adds or runs (an XREAD and its decoding per event, in every API
 * replica); one that reads none while nobody watches pays nothing.
 *
 * A stream opened on demand starts right after the last event already written (read first), so
 * nothing written after `watch()` resolves is missed, even before its first XREAD reaches Redis: a
 * caller subscribes, then reads the job's state, and sees every change after that.
 */
interface OpenStream {
  events: Promise<QueueEvents>;
  holders: number;
  /** Set while nobody holds it: closes it when it fires. */
  idle?: NodeJS.Timeout;
}

export class QueueWatchers {
  private readonly open = new Map<string, OpenStream>();
  private closed = false;

  constructor(
    private readonly options: {
      queues: JobQueues;
      /** Duplicated by BullMQ for each stream (XREAD blocks). */
      connection: RedisClient;
      /** How long a stream nobody holds stays open for the next watcher. Default 30 s. */
      idleMs?: number;
    },
  ) {}

  async watch(queue: string): Promise<QueueWatch> {
    if (this.closed) throw new Error('queue watchers are closed');
    const entry = this.open.get(queue) ?? this.opened(queue);
    entry.holders += 1;
    clearTimeout(entry.idle);
    entry.idle = undefined;
    try {
      const events = await entry.events;
      let released = false;
      return {
        events,
        release: () => {
          if (released) return;
          released = true;
          this.release(queue, entry);
        },
      };
    } catch (error) {
      this.release(queue, entry);
      throw error;
    }
  }

  /** Queues whose stream is open now. */
  watched(): string[] {
    return [...this.open.keys()];
  }

  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(
      entries.map(async (entry) => {
        clearTimeout(entry.idle);
        await (await entry.events).close();
      }),
    );
  }

  private opened(queue: string): OpenStream {
    const entry: OpenStream = { events: this.start(queue), holders: 0 };
    // A stream that could not open is forgotten, so the next watcher tries again.
    entry.events.catch(() => this.open.get(queue) === entry && this.open.delete(queue));
    this.open.set(queue, entry);
    return entry;
  }

  private async start(queue: string): Promise<QueueEvents> {
    const handle = this.options.queues.get(queue);
    const [last] = await this.options.connection.xrevrange(handle.keys.events!, '+', '-', 'COUNT', 1);
    const events = new QueueEvents(queue, { connection: this.options.connection, prefix: handle.opts.prefix, lastEventId: last?.[0] ?? '0' });
    await events.waitUntilReady();
    return events;
  }

  private release(queue: string, entry: OpenStream): void {
    entry.holders -= 1;
    if (entry.holders > 0 || this.open.get(queue) !== entry) return;
    // A new watcher clears this timer; close() empties the map.
    entry.idle = setTimeout(() => {
      this.open.delete(queue);
      void entry.events.then((events) => events.close()).catch(() => {});
    }, this.options.idleMs ?? 30_000);
    entry.idle.unref();
  }
}
