import type { PipelineDefinition } from '@llmops/contracts';

/** Every model a definition calls, with its path in the definition (for submit-time checks). */
export function definitionModels(definition: PipelineDefinition): { path: string; model: string }[] {
  return definition.steps.flatMap((step, index) => {
    if (step.type === 'generate') return [{ path: `steps.${index}.model`, model: step.model }];
    if (step.type === 'map' && step.step.type === 'generate') return [{ path: `steps.${index}.step.model`, model: step.step.model }];
    return [];
  });
}

/** Every collection a definition retrieves from, with its path in the definition. */
export function definitionCollections(definition: PipelineDefinition): { path: string; collection: string }[] {
  return definition.steps.flatMap((step, index) => (step.type === 'retrieve' ? [{ path: `steps.${index}.collection`, collection: step.collection }] : []));
}
