import type { RequestHandler, Response } from 'express';
import { cancelRequested, queueOfJobId, viewJob } from '@llmops/queue';
import { jobIdParam, withCancellation } from './jobs';
import type { ApiDeps } from '../deps';
import { findCancelledView, findOwnedJob } from '../job-access';

type Listener = (event: { jobId: string } & Record<string, unknown>) => void;

/**
 * GET /v1/jobs/{id}/events: server-sent events. The first event is the job's current state; then
 * `active`, `progress` (in the order the worker reported them), and a final `completed`, `failed` or
 * `cancelled`, after which the stream ends.
 */
export function jobEvents(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const id = jobIdParam(req.params.id);
    const cancelled = await findCancelledView(deps, req.tenant!, id);
    const job = cancelled ? undefined : await findOwnedJob(deps, req.tenant!, id);
    // Before the 200: a stream that cannot open (Redis away) is an error answer, not a broken stream.
    const watch = job ? await deps.watchers.watch(queueOfJobId(id, deps.queues.names)!) : undefined;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    let sequence = 0;
    const send = (event: string, data: unknown) => writeEvent(res, ++sequence, event, data);
    if (cancelled || !job || !watch) {
      send('state', cancelled);
      send('cancelled', { id });
      return void res.end();
    }

    const { events } = watch;
    // Subscribe before reading the snapshot: anything that happens in between is buffered, not lost.
    const buffered: [string, unknown][] = [];
    let live = false;
    let finished = false;
    const emit = (event: string, data: unknown) => {
      if (finished) return;
      if (!live) return void buffered.push([event, data]);
      send(event, data);
      if (event === 'completed' || event === 'failed' || event === 'cancelled') finish();
    };
    const listeners: Record<string, Listener> = {
      active: (e) => e.jobId === id && emit('active', { id }),
      progress: (e) => e.jobId === id && emit('progress', { id, progress: e.data }),
      completed: (e) => e.jobId === id && emit('completed', { id, result: parseMaybe(e.returnvalue) }),
      failed: (e) => {
        if (e.jobId !== id) return;
        void cancelRequested(deps.redis, deps.keys, id).then((requested) =>
          emit(requested || String(e.failedReason) === 'cancelled by request' ? 'cancelled' : 'failed', { id, error: { message: e.failedReason } }),
        );
      },
      removed: (e) => e.jobId === id && emit('cancelled', { id }),
    };
    for (const [name, listener] of Object.entries(listeners)) events.on(name as 'active', listener);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(heartbeat);
      for (const [name, listener] of Object.entries(listeners)) events.off(name as 'active', listener);
      watch.release();
      res.end();
    };
    req.on('close', finish);

    const snapshot = await withCancellation(deps, await viewJob(job, deps.queues.get(job.name))).catch((error: unknown) => {
      finish();
      throw error;
    });
    send('state', snapshot);
    if (snapshot.state === 'completed' || snapshot.state === 'failed' || snapshot.state === 'cancelled') {
      send(snapshot.state, snapshot.state === 'completed' ? { id, result: snapshot.result } : { id, error: snapshot.error });
      return finish();
    }
    live = true;
    for (const [event, data] of buffered.splice(0)) emit(event, data);
  };
}

function writeEvent(res: Response, id: number, event: string, data: unknown): void {
  res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function parseMaybe(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
