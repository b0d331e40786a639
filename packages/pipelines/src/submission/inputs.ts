import type { PipelineDefinition, PipelineInput } from '@llmops/contracts';

/** At most this many input problems are reported at once. */
const MAX_ISSUES = 100;

/** Inputs that do not give exactly the declared variables, each named by its path under `where`. */
export function inputIssues(definition: PipelineDefinition, inputs: readonly PipelineInput[], where: string): { path: string; message: string }[] {
  const declared = new Set(definition.inputs);
  const issues: { path: string; message: string }[] = [];
  inputs.forEach((input, index) => {
    for (const name of definition.inputs)
      if (!Object.hasOwn(input, name)) issues.push({ path: `${where}.${index}`, message: `missing input variable "${name}"` });
    const extra = Object.keys(input).filter((name) => !declared.has(name)).length;
    if (extra > 0) issues.push({ path: `${where}.${index}`, message: `${extra} variable(s) the definition does not declare in \`inputs\`` });
  });
  return issues.slice(0, MAX_ISSUES);
}
