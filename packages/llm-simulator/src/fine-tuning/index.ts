import type { Router } from 'express';
import type { SimContext } from '../context';
import { cancelFineTune, createFineTune, fineTuningKnobs, getFineTune, listFineTuneEvents, listFineTunes } from './routes';
import type { FineTuningStore } from './store';

export { FineTuningStore } from './store';
export { tunedChat } from './routes';

/** OpenAI's fine_tuning.jobs surface on the /v1 router. */
export function fineTuningRoutes(v1: Router, ctx: SimContext, store: FineTuningStore): void {
  v1.post('/fine_tuning/jobs', createFineTune(ctx, store));
  v1.get('/fine_tuning/jobs', listFineTunes(ctx, store));
  v1.get('/fine_tuning/jobs/:id', getFineTune(ctx, store));
  v1.get('/fine_tuning/jobs/:id/events', listFineTuneEvents(ctx, store));
  v1.post('/fine_tuning/jobs/:id/cancel', cancelFineTune(ctx, store));
}

/** The control route of the fine-tuning knobs on the /_sim router. */
export function fineTuningControl(sim: Router, store: FineTuningStore): void {
  sim.get('/fine-tuning', fineTuningKnobs(store));
  sim.post('/fine-tuning', fineTuningKnobs(store));
}
