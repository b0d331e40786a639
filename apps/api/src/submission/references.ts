import type { JobQueues } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { RedisClient } from '@llmops/redis';
import { createTunedModels } from '@llmops/finetune';
import { tunedModelBase } from '@llmops/tokens';
import { HttpError } from '../http/errors';

const invalid = (path: string, message: string) => new HttpError(400, 'invalid_request', `${path}: ${message}`, { issues: [{ path, message }] });

/**
 * The model must be one the platform knows (the registry, or MODEL_OVERRIDES) and of the right kind:
 * an unknown model would be answered unpriced and become a new metrics label. The value itself is not
 * echoed (it is tenant text); the known names are.
 */
export function requireModel(services: PlatformServices | undefined, model: string, kind: 'chat' | 'embedding', path: string): void {
  if (!services) return;
  const info = services.registry.get(model);
  // A fine-tuned id resolves in the registry for its prices, but only its tenant may use it: requireTenantModel.
  if (info?.kind === kind && info.tunedFrom === undefined) return;
  const known = services.registry
    .list()
    .filter((m) => m.kind === kind)
    .map((m) => m.name);
  throw invalid(path, `not a known ${kind} model (known: ${known.join(', ')}; add others with MODEL_OVERRIDES)`);
}

/**
 * As requireModel, and a fine-tuned model (`ft:...`) when the tenant's own fine-tune made it: the
 * tenant-scoped extension of the registry (`@llmops/finetune`, in Redis). Anyone else's tuned model,
 * or one that does not exist, is refused like an unknown model.
 */
export async function requireTenantModel(
  context: { services?: PlatformServices; redis: RedisClient; prefix: string; tenant: string },
  model: string,
  kind: 'chat' | 'embedding',
  path: string,
): Promise<void> {
  if (!context.services) return;
  if (tunedModelBase(model) === undefined) return requireModel(context.services, model, kind, path);
  const owned =
    kind === 'chat' &&
    context.services.registry.get(model) !== undefined &&
    (await createTunedModels(context.redis, context.prefix).get(context.tenant, model));
  if (!owned) throw invalid(path, 'not a fine-tuned model of this tenant (GET /v1/fine-tunes/models lists them)');
}

/** A previous evaluation of the same tenant that has completed, or 404 (someone else's job is also 404). */
export async function requireCompletedJob(queues: JobQueues, queue: string, tenant: string, jobId: string, path: string): Promise<void> {
  const notFound = new HttpError(404, 'not_found', `${path}: no completed ${queue} job of this tenant with that id`, {
    issues: [{ path, message: 'not found' }],
  });
  if (!queues.names.includes(queue) || !jobId.startsWith(`${queue}-`)) throw notFound;
  const job = await queues.get(queue).getJob(jobId);
  if (!job || (job.data as { tenant?: unknown }).tenant !== tenant) throw notFound;
  if ((await job.getState()) !== 'completed') throw notFound;
}
