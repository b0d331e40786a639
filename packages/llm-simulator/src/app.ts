import express from 'express';
import type { SimContext } from './context';
import { requireBearer } from './http/auth';
import { errorHandler, notFound } from './http/errors';
import { requestLog } from './http/request-log';
import { fineTuningControl, fineTuningRoutes, FineTuningStore, tunedChat } from './fine-tuning';
import type { SimConfigPatch } from './options';
import { cancelBatch, createBatch, getBatch, listBatches } from './routes/batch-routes';
import { deleteFile, getFile, getFileContent, listFiles, uploadFile } from './routes/file-routes';
import { chatHandler, embeddingsHandler, getModel, listModels } from './routes/model-routes';
import { clearLog, getConfig, patchConfig, readLog, resetLimits } from './routes/sim-routes';

/** The route table: OpenAI's /v1 surface behind bearer auth and the request log; /_sim for tests. */
export function buildApp(ctx: SimContext, configure: (patch: SimConfigPatch) => void): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const fineTuning = new FineTuningStore(ctx.files);
  const v1 = express.Router();
  v1.use(requestLog(ctx));
  v1.use(requireBearer);
  // 300k embedding tokens is ~1.2 MB of text, but as token-id arrays it is several MB.
  v1.use(express.json({ limit: '64mb' }));
  v1.get('/models', listModels);
  v1.get('/models/:model', getModel);
  v1.post('/chat/completions', tunedChat(ctx, fineTuning), chatHandler(ctx));
  v1.post('/embeddings', embeddingsHandler(ctx));
  v1.post('/files', express.raw({ type: 'multipart/form-data', limit: '200mb' }), uploadFile(ctx));
  v1.get('/files', listFiles(ctx));
  v1.get('/files/:id', getFile(ctx));
  v1.get('/files/:id/content', getFileContent(ctx));
  v1.delete('/files/:id', deleteFile(ctx));
  v1.post('/batches', createBatch(ctx));
  v1.get('/batches', listBatches(ctx));
  v1.get('/batches/:id', getBatch(ctx));
  v1.post('/batches/:id/cancel', cancelBatch(ctx));
  fineTuningRoutes(v1, ctx, fineTuning);
  app.use('/v1', v1);

  const sim = express.Router();
  sim.use(express.json());
  sim.get('/config', getConfig(ctx));
  sim.post('/config', patchConfig(ctx, configure));
  sim.get('/log', readLog(ctx));
  sim.delete('/log', clearLog(ctx));
  sim.post('/reset-limits', resetLimits(ctx));
  fineTuningControl(sim, fineTuning);
  app.use('/_sim', sim);

  app.get('/health', (_req, res) => {
    res.json({ ok: true, simulator: true });
  });
  app.use((req, _res, next) => next(notFound(`Unknown request URL: ${req.method} ${req.path}. (llm-simulator)`)));
  app.use(errorHandler);
  return app;
}
