import { z } from 'zod';
import { MaxCostUsd, PipelineDefinition, PipelineInput, PipelineName } from '@llmops/contracts';

/** The most inputs one pipeline job may carry. */
export const MAX_INPUTS = 10_000;

/** `POST /v1/pipelines`: a definition (inline, or a saved name and version) over inputs. */
export const PipelineRequest = z
  .strictObject({
    definition: PipelineDefinition.optional(),
    /** A saved definition; without `version`, its latest. */
    pipeline: z.strictObject({ name: PipelineName, version: z.number().int().min(1).max(1_000_000).optional() }).optional(),
    inputs: z.array(PipelineInput).min(1).max(MAX_INPUTS),
    /** The most this job may spend, dollars as a decimal string. */
    maxCostUsd: MaxCostUsd.optional(),
  })
  .refine((body) => (body.definition === undefined) !== (body.pipeline === undefined), {
    message: 'give either `definition` or `pipeline`',
    path: ['definition'],
  });
export type PipelineRequest = z.infer<typeof PipelineRequest>;

/** `POST /v1/pipelines/definitions`: saves a definition as the name's next version. */
export const SaveDefinitionRequest = z.strictObject({ name: PipelineName, definition: PipelineDefinition });

export const DefinitionQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });
