import type { Feature } from '../deps';
import { adviceFeature } from './advice';
import { collectionsFeature } from './collections';
import { evaluationsFeature } from './evaluations';
import { fineTunesFeature } from './fine-tunes';
import { inferenceFeature } from './inference';
import { openAiFeature } from './openai/feature';
import { pipelinesFeature } from './pipelines';
import { usageFeature } from './usage';

/** Every job family's HTTP surface; main.ts mounts them when the platform services are configured. */
export const platformFeatures: readonly Feature[] = [
  usageFeature,
  collectionsFeature,
  inferenceFeature,
  evaluationsFeature,
  openAiFeature,
  pipelinesFeature,
  fineTunesFeature,
  adviceFeature,
];
