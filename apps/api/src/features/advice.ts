import type { Feature } from '../deps';
import type { RouteSpec } from '../routes/table';
import { AdviceRequest } from './advice/body';
import { adviseRagOrFineTune } from './advice/handler';
import { RagVsFineTuneAdvice } from '../schemas/orchestration';

/** The RAG-or-fine-tune decision, computed from a collection's real statistics and the caller's traffic. */
export const adviceFeature: Feature = {
  routes: (deps): RouteSpec[] => [
    {
      method: 'post',
      path: '/v1/advice/rag-vs-fine-tune',
      summary:
        "Monthly and first-year cost of RAG vs a fine-tuned model for a collection and the caller's traffic, with the break-even traffic and every input shown",
      guard: 'tenant',
      handler: adviseRagOrFineTune(deps),
      body: AdviceRequest,
      operationId: 'adviseRagOrFineTune',
      response: { 200: RagVsFineTuneAdvice },
      responses: {
        200: 'the table, totals, break-even and inputs',
        400: 'invalid body, unknown or untunable model, no token count',
        404: 'no such collection',
        401: 'missing or unknown API key',
      },
    },
  ],
};
