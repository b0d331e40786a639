import type { PipelineDefinition, PipelineInput, PipelineStep } from '@llmops/contracts';
import { pseudonymize, restore } from '@llmops/pii';
import { parseTemplate } from '@llmops/pipelines';
import type { PlatformServices } from '@llmops/services';

export type TextMap = (text: string) => Promise<string>;

/** Pseudonymizes text for a tenant within a vault scope (a job, or the tenant's saved definitions). */
export function protector(services: PlatformServices, tenant: string, scope: string): TextMap {
  const policy = services.piiPolicyFor(tenant);
  return async (text) => (await pseudonymize(text, { scope, policy, vault: services.vault })).text;
}

/** Puts a scope's originals back. */
export function restorer(services: PlatformServices, scope: string): TextMap {
  return (text) => (text.includes('<') ? restore(text, { scope, vault: services.vault }) : Promise.resolve(text));
}

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
