import { nanoToUsdString, toNanoUsd, UsdDecimal, type ModelInfo } from '@llmops/tokens';

/** What training a model on a dataset is expected to cost, before anything is spent. */
export interface TrainingEstimate {
  model: string;
  examples: number;
  /** Tokens of the dataset, counted with the model's tokenizer. */
  datasetTokens: number;
  epochs: number;
  /** What the provider bills: dataset tokens x epochs. */
  trainingTokens: number;
  /** The registry's training price, USD per million tokens. */
  trainingPerMTok: string;
  usd: string;
  nanoUsd: bigint;
}

/** The model has no training price in the registry (it cannot be fine-tuned here). */
export class NotTunableError extends Error {
  constructor(readonly model: string) {
    super(`${model} has no fine-tuning price in the model registry (tunable models: those with pricing.trainingPerMTok; add one with MODEL_OVERRIDES)`);
    this.name = new.target.name;
  }
}

/** Training cost = dataset tokens x epochs x the training price per million tokens (exact decimals). */
export function estimateTraining(model: ModelInfo, input: { examples: number; datasetTokens: number; epochs: number }): TrainingEstimate {
  const price = model.pricing.trainingPerMTok;
  if (price === undefined || !model.fineTuning) throw new NotTunableError(model.name);
  const trainingTokens = input.datasetTokens * input.epochs;
  const nanoUsd = toNanoUsd(new UsdDecimal(trainingTokens).times(price).div(1_000_000));
  return { model: model.name, ...input, trainingTokens, trainingPerMTok: price, usd: nanoToUsdString(nanoUsd), nanoUsd };
}

/** What a finished training cost, from the tokens the provider reports it trained on. */
export function trainingCost(model: ModelInfo, trainedTokens: number): bigint {
  const price = model.pricing.trainingPerMTok ?? '0';
  return toNanoUsd(new UsdDecimal(trainedTokens).times(price).div(1_000_000));
}
