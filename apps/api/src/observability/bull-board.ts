import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, Router } from 'express';
import type { Logger } from '@llmops/logger';
import { cancelledReason, type JobQueues } from '@llmops/queue';

export const bullBoardPath = '/admin/queues';

/** Route patterns (bull-board's own) refused by its `before` hook whatever BULL_BOARD_WRITES says. */
const NEVER_ROUTES = new Set(['post /api/queues/:queueName/add', 'patch /api/queues/:queueName/:jobId/update-data']);

export interface BullBoardOptions {
  /** BULL_BOARD_WRITES. Default false: every queue is shown read-only (`readOnlyMode`). */
  writes?: boolean;
  logger: Logger;
}

/**
 * Bull Board over every queue; app.ts mounts it behind requireAdmin and boardWriteGuard. Read-only
 * by default through bull-board's own `readOnlyMode`; adding jobs and editing job data are refused
 * by its `before` hook even when writes are on. Its error bodies carry no internal message.
 */
export function bullBoardRouter(queues: JobQueues, options: BullBoardOptions): Router {
  const writes = options.writes ?? false;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(bullBoardPath);
  createBullBoard({
    queues: queues.all().map((queue) => {
      const adapter = new BullMQAdapter(queue, { readOnlyMode: !writes, allowRetries: writes });
      // BullMQ keeps a cancelled job in its failed set; the board says so instead of showing a failure.
      adapter.setFormatter('name', (job: { name?: string; failedReason?: string }) =>
        job.failedReason === cancelledReason ? `${job.name ?? ''} (cancelled by its owner)` : (job.name ?? ''),
      );
      return adapter;
    }),
    serverAdapter,
    options: {
      uiConfig: { boardTitle: 'llmops queues' },
      handlerHooks: {
        before: ({ method, route }) => (NEVER_ROUTES.has(`${method} ${route}`) ? { allow: false, status: 403 } : undefined),
      },
    },
  });
  // Replaces bull-board's handler, which returns the error's message (and its stack in development).
  serverAdapter.setErrorHandler((error) => {
    options.logger.error({ err: error }, 'bull board request failed');
    return { status: 500, body: { error: { key: 'ERRORS.INTERNAL_SERVER_ERROR' } } };
  });
  const app = serverAdapter.getRouter() as Express;
  // The board is its own Express app, with its own defaults.
  app.disable('x-powered-by');
  return app;
}
