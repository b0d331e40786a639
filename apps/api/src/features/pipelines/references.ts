import type { PipelineDefinition, PipelineInput, PipelineRef } from '@llmops/contracts';
import { checkPipeline, createDefinitionStore, definitionCollections, definitionModels, inputIssues, type SavedPipeline } from '@llmops/pipelines';
import type { PlatformServices } from '@llmops/services';
import type { RedisClient } from '@llmops/redis';
import { HttpError } from '../../http/errors';
import { requireCollection } from '../collections/collection-info';
import { requireTenantModel } from '../../submission/references';

/** What checking a definition's references needs. */
export interface ReferenceContext {
  tenant: string;
  services?: PlatformServices;
  redis: RedisClient;
  prefix: string;
}

const invalid = (issues: { path: string; message: string }[]) =>
  new HttpError(400, 'invalid_request', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), { issues });

/**
 * A definition that can run: no problem in its steps (each named by path and step id: unknown
 * references, undeclared inputs, cycles, patterns, schemas), models the tenant may use, collections
 * that exist. Returns the collections' embedding models (for the estimate).
 */
export async function checkDefinition(definition: PipelineDefinition, context: ReferenceContext, where: string): Promise<Map<string, string>> {
  const { problems } = checkPipeline(definition);
  if (problems.length > 0) throw invalid(problems.map((problem) => ({ path: `${where}.${problem.path}`, message: problem.message })));
  for (const { path, model } of definitionModels(definition)) await requireTenantModel(context, model, 'chat', `${where}.${path}`);
  const models = new Map<string, string>();
  if (context.services) {
    for (const { collection } of definitionCollections(definition)) {
      if (models.has(collection)) continue;
      const info = await requireCollection(context.services, context.tenant, collection);
      models.set(collection, String(info.meta.model ?? 'text-embedding-3-small'));
    }
  }
  return models;
}

/** Every input gives exactly the declared variables. */
export function checkInputs(definition: PipelineDefinition, inputs: readonly PipelineInput[], where: string): void {
  const issues = inputIssues(definition, inputs, where);
  if (issues.length > 0) throw invalid(issues);
}

/** A saved version of the tenant (latest when `version` is absent), or a 404 naming the field. */
export async function savedPipeline(context: ReferenceContext, ref: { name: string; version?: number }, path: string): Promise<SavedPipeline> {
  const saved = await createDefinitionStore(context.redis, context.prefix).get(context.tenant, ref.name, ref.version);
  if (!saved)
    throw new HttpError(404, 'not_found', `${path}: no saved pipeline of this tenant with that name${ref.version ? ' and version' : ''}`, {
      issues: [{ path, message: 'not found' }],
    });
  return saved;
}

/** An evaluation's pipeline generator: the saved version exists and can run (its models, its collections). */
export async function requirePipelineVersion(context: ReferenceContext, ref: PipelineRef & { input?: string; output?: string }, path: string): Promise<void> {
  const saved = await savedPipeline(context, ref, path);
  await checkDefinition(saved.definition, context, `${path} (saved definition)`);
  const issues: { path: string; message: string }[] = [];
  if (ref.input !== undefined && !saved.definition.inputs.includes(ref.input))
    issues.push({ path: `${path}.input`, message: 'not an input variable of that version' });
  if (ref.output !== undefined && !Object.hasOwn(saved.definition.output, ref.output))
    issues.push({ path: `${path}.output`, message: 'not an output field of that version' });
  if (issues.length > 0) throw invalid(issues);
}
