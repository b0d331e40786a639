export { checkDataset, TrainingExample, type DatasetCheck, type DatasetOptions, type DatasetProblem } from './dataset';
export { estimateTraining, trainingCost, NotTunableError, type TrainingEstimate } from './estimate';
export { computeAdvice, AdvicePriceError, CHAT_FRAMING_TOKENS, RAG_INSTRUCTION_TOKENS, type Advice, type AdviceInputs, type AdviceRow } from './advice';
export { createTunedModels, fineTuneKeys, TunedModel, type TunedModels } from './tuned-models';
export { openAiFineTuning, type FineTuningProvider, type ProviderFineTune, type ProviderEvent } from './provider';
export { fineTuneHandlers } from './job/handlers';
