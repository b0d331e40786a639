export {
  parseTemplate,
  renderTemplate,
  resolveTemplate,
  formatValue,
  valueAt,
  templateLimits,
  TemplateError,
  RenderLimitError,
  type ParsedTemplate,
  type Placeholder,
  type TemplatePart,
  type Lookup,
} from './template';
export { checkPipeline, planPipeline, PipelineDefinitionError, type PipelinePlan, type PlannedStep, type PipelineProblem } from './plan';
export { StepFailure, type PipelinePorts, type GenerateCall, type GenerateOutcome, type RetrieveCall, type RetrieveOutcome } from './ports';
export { runInput, stepKey, type InputRun } from './run-input';
export { estimatePipeline, type PipelineEstimateOptions } from './estimate';
export {
  createDefinitionStore,
  pipelineKeys,
  definitionScope,
  DefinitionLimitError,
  MAX_SAVED_VERSIONS,
  type DefinitionStore,
  type SavedPipeline,
} from './definitions';
export { definitionModels, definitionCollections } from './references';
export { pipelineHandlers } from './job/handlers';
export { createPipelineGenerator, type GeneratorSpec } from './job/generator';
export type { InferenceSearch, Embedder, EmbedContext } from './job/search';
export { mapDefinition, mapInput, type TextMap } from './submission/text-map';
export type { VaultMaps } from './submission/vault';
export { inputIssues } from './submission/inputs';
export { preparePipelineJob, type InputStore, type PipelineSubmission } from './submission/prepare';
export { resultsForOwner } from './submission/results';
export { ownerDefinitions } from './submission/definitions';
