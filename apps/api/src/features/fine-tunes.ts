import type { Feature } from '../deps';
import type { RouteSpec } from '../routes/table';
import { FineTuneRequest } from './fine-tunes/body';
import { listTunedModels } from './fine-tunes/models';
import { submitFineTune } from './fine-tunes/submit';
import { FineTuneAccepted, FineTuneEstimate, TunedModelList } from '../schemas/orchestration';

const auth = { 401: 'missing or unknown API key' };

/**
 * The fine-tuning routes. `POST /v1/fine-tunes` is a feature route: it checks the dataset line by
 * line and answers a dry run itself, and stores the (pseudonymized) examples apart from the payload.
 */
export const fineTunesFeature: Feature = {
  routes: (deps): RouteSpec[] => [
    {
      method: 'post',
      path: '/v1/fine-tunes',
      summary:
        'Fine-tune a model on a chat JSONL dataset or a collection export: every example checked by line, training cost estimated before any spend (`dryRun` answers only that), then upload, provider job, registration for the tenant and an optional held-out evaluation',
      guard: 'tenant',
      handler: submitFineTune(deps),
      body: FineTuneRequest,
      idempotent: true,
      operationId: 'submitFineTune',
      response: { 200: FineTuneEstimate, 202: FineTuneAccepted },
      responses: {
        200: 'dry run: the checked dataset, token totals and the estimate',
        202: 'accepted: the job id, its Location and the estimate',
        400: 'invalid dataset (problems by line number), model not tunable',
        402: 'over a budget',
        404: 'no such collection or document',
        413: 'over a work cap',
        422: 'Idempotency-Key reused with another body',
        ...auth,
      },
    },
    {
      method: 'get',
      path: '/v1/fine-tunes/models',
      summary: "The caller's fine-tuned models, usable wherever a chat model is",
      guard: 'tenant',
      handler: listTunedModels(deps),
      operationId: 'listTunedModels',
      response: { 200: TunedModelList },
      responses: { 200: 'the models', ...auth },
    },
  ],
};
