import type { PipelineDefinition, PipelineInput, PipelineStep } from '@llmops/contracts';
import { parseTemplate } from '../template';

/**
 * Maps one free text: pseudonymize it within a vault scope, or restore a scope's originals. The API
 * builds these from the PII vault; this package only decides which texts they apply to.
 */
export type TextMap = (text: string) => Promise<string>;

/** A template with its literal text mapped and its placeholders kept exactly (a detector never sees `{{...}}`). */
async function mapTemplate(text: string, map: TextMap): Promise<string> {
  const parts = await Promise.all(
    parseTemplate(text).parts.map((part) => (typeof part === 'string' ? map(part) : Promise.resolve(`{{${part.path.join('.')}}}`))),
  );
  return parts.join('');
}

async function mapStep(step: PipelineStep, map: TextMap): Promise<PipelineStep> {
  const t = (text: string) => mapTemplate(text, map);
  const optional = async (text: string | undefined) => (text === undefined ? {} : { system: await t(text) });
  switch (step.type) {
    case 'retrieve':
      return { ...step, query: await t(step.query) };
    case 'prompt':
      return { ...step, template: await t(step.template) };
    case 'generate':
      return { ...step, prompt: await t(step.prompt), ...(await optional(step.system)) };
    case 'parse':
    case 'validate':
      return { ...step, from: await t(step.from) };
    case 'branch':
      return step;
    case 'map': {
      const inner = step.step;
      const mapped =
        inner.type === 'prompt'
          ? { ...inner, template: await t(inner.template) }
          : { ...inner, prompt: await t(inner.prompt), ...(await optional(inner.system)) };
      return { ...step, step: mapped };
    }
  }
}

/**
 * Maps every free text of a (checked) definition -- templates' literal text, system prompts, output
 * templates -- with `map` (pseudonymize or restore). Identifiers, models, schemas and patterns are not
 * free text: the API refuses them when they look personal.
 */
export async function mapDefinition(definition: PipelineDefinition, map: TextMap): Promise<PipelineDefinition> {
  const steps = await Promise.all(definition.steps.map((step) => mapStep(step, map)));
  const output = Object.fromEntries(
    await Promise.all(Object.entries(definition.output).map(async ([field, text]) => [field, await mapTemplate(text, map)] as const)),
  );
  return { ...definition, steps, output };
}

/** Maps every string value of an input (arrays of strings included). */
export async function mapInput(input: PipelineInput, map: TextMap): Promise<PipelineInput> {
  const entries = await Promise.all(
    Object.entries(input).map(
      async ([name, value]) => [name, typeof value === 'string' ? await map(value) : Array.isArray(value) ? await Promise.all(value.map(map)) : value] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** Every string of a JSON value mapped (iteratively by level: results may nest deeply, never past JSON's own depth). */
export async function mapDeep(value: unknown, map: TextMap): Promise<unknown> {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return Promise.all(value.map((inner) => mapDeep(inner, map)));
  if (value && typeof value === 'object')
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await mapDeep(inner, map)] as const)));
  return value;
}
