import { platformCatalog } from '@llmops/contracts';
import { policyProblems } from './policy';
import type { Rendered } from './render';
import { schemaProblems } from './schemas';
import { unknownFieldProblems } from './strict';

/** Queues a worker may serve: the keys of the platform's job catalog (what WORKER_QUEUES accepts). */
export const catalogQueues: readonly string[] = Object.keys(platformCatalog);

export interface TargetReport {
  target: string;
  objects: number;
  schema: string[];
  unknownFields: string[];
  policy: string[];
}

/** Every check over rendered kustomizations: schemas, unknown fields (one compiler run for all), platform rules. */
export function checkAll(targets: readonly Rendered[]): TargetReport[] {
  const unknown = unknownFieldProblems(targets);
  const compiler = unknown.get('(compiler)') ?? [];
  return targets.map((rendered, index) => ({
    target: rendered.target,
    objects: rendered.manifests.length,
    schema: schemaProblems(rendered.manifests),
    // A failure of the compiler itself (a missing types package) is charged to the first target.
    unknownFields: [...(unknown.get(rendered.target) ?? []), ...(index === 0 ? compiler : [])],
    policy: policyProblems(rendered.manifests, catalogQueues),
  }));
}

export const problemCount = (report: TargetReport): number => report.schema.length + report.unknownFields.length + report.policy.length;
