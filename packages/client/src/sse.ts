import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ApiError } from './errors';
import type { Transport } from './http';
import type { Job } from './types';

/** One server-sent event of GET /v1/jobs/{id}/events. */
export type JobEvent =
  /** The job as GET /v1/jobs/{id} shows it: first on every (re)connection, so a reconnect resumes from state. */
  | { type: 'state'; job: Job }
  | { type: 'active'; id: string }
  | { type: 'progress'; id: string; progress: unknown }
  | { type: 'completed'; id: string; result: unknown }
  | { type: 'failed'; id: string; error: { message: string; code?: string } | null }
  | { type: 'cancelled'; id: string };

export const terminalEvents: ReadonlySet<JobEvent['type']> = new Set(['completed', 'failed', 'cancelled']);

export interface EventsOptions {
  signal?: AbortSignal;
  /** Reconnections in a row without receiving an event before giving up. Default 10. */
  maxReconnects?: number;
}

/**
 * The job's events until it completes, fails or is cancelled. A dropped stream is reopened (with
 * `Last-Event-ID`, after a backoff); the API starts every stream with the job's current `state`, so
 * nothing that happened in between is lost: a job that finished meanwhile ends the stream at once.
 */
export async function* jobEvents(transport: Transport, jobId: string, options: EventsOptions = {}): AsyncGenerator<JobEvent, void, undefined> {
  const path = `/v1/jobs/${encodeURIComponent(jobId)}/events`;
  const maxReconnects = options.maxReconnects ?? 10;
  let lastEventId: string | undefined;
  let failures = 0;
  for (;;) {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) };
    const response = await transport.send('GET', path, { headers, ...(options.signal ? { signal: options.signal } : {}) });
    let dropped: unknown;
    try {
      for await (const message of readMessages(response)) {
        if (message.id) lastEventId = message.id;
        failures = 0;
        const event = toEvent(message);
        if (!event) continue;
        yield event;
        if (terminalEvents.has(event.type)) return;
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      dropped = error;
    }
    failures += 1;
    if (failures > maxReconnects) {
      throw new ApiError({
        status: 0,
        code: 'network',
        kind: 'network',
        message: `the event stream of ${jobId} closed ${failures} times in a row before the job finished`,
        cause: dropped,
      });
    }
    const reason = new ApiError({ status: 0, code: 'stream_closed', kind: 'network', message: 'event stream closed' });
    await transport.wait('GET', path, failures - 1, undefined, reason, options.signal);
  }
}

/** The stream's messages as they arrive; closing the iterator closes the connection. */
async function* readMessages(response: Response): AsyncGenerator<EventSourceMessage> {
  if (!response.body) return;
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => void queue.push(message) });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift()!;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function toEvent(message: EventSourceMessage): JobEvent | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(message.data) as Record<string, unknown>;
  } catch {
    throw new ApiError({ status: 200, code: 'protocol', kind: 'protocol', message: `event "${message.event ?? 'message'}" does not carry JSON` });
  }
  const id = String(data.id ?? '');
  switch (message.event) {
    case 'state':
      return { type: 'state', job: data as unknown as Job };
    case 'active':
      return { type: 'active', id };
    case 'progress':
      return { type: 'progress', id, progress: data.progress };
    case 'completed':
      return { type: 'completed', id, result: data.result };
    case 'failed':
      return { type: 'failed', id, error: (data.error as { message: string } | null | undefined) ?? null };
    case 'cancelled':
      return { type: 'cancelled', id };
    default:
      return undefined;
  }
}
