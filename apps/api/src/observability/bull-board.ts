import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { JobQueues } from '@llmops/queue';

export const bullBoardPath = '/admin/queues';

/** Bull Board over every queue; mounted behind requireAdmin by the route table. */
export function bullBoardRouter(queues: JobQueues): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(bullBoardPath);
  createBullBoard({
    queues: queues.all().map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'llmops queues' } },
  });
  return serverAdapter.getRouter() as Router;
}
