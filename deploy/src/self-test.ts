import { checkAll, problemCount } from './checks';
import type { Manifest, Rendered } from './render';

type Mutation = { name: string; apply(manifests: Manifest[]): void };
type Node = Record<string, unknown>;

/** The object at a dotted path (`spec.template.spec.containers.0`); throws if it is not there. */
function at(root: unknown, path: string): Node {
  let node: unknown = root;
  for (const step of path.split('.').filter(Boolean)) node = (node as Node | undefined)?.[step];
  if (typeof node !== 'object' || node === null) throw new Error(`self-test: nothing at ${path}`);
  return node as Node;
}
const find = (manifests: Manifest[], kind: string, name?: string): Manifest => {
  const found = manifests.find((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (!found) throw new Error(`self-test: no ${kind}${name ? `/${name}` : ''} to mutate`);
  return found;
};
const byComponent = (manifests: Manifest[], component: string): Manifest =>
  manifests.find((m) => m.kind === 'Deployment' && m.metadata.labels?.['app.kubernetes.io/component'] === component) ??
  find(manifests, 'Deployment', component);
const worker = (manifests: Manifest[]) => byComponent(manifests, 'worker');
const api = (manifests: Manifest[]) => byComponent(manifests, 'api');
const container = (deployment: Manifest) => at(deployment, 'spec.template.spec.containers.0');
const podSpec = (deployment: Manifest) => at(deployment, 'spec.template.spec');
const envList = (deployment: Manifest) => container(deployment).env as Node[];
const env = (deployment: Manifest, name: string): Node => {
  const entry = envList(deployment).find((e) => e.name === name);
  if (!entry) throw new Error(`self-test: no ${name} in ${deployment.metadata.name}`);
  return entry;
};
const trigger = (manifests: Manifest[]) => at(find(manifests, 'ScaledObject'), 'spec.triggers.0.metadata');
const remove = (manifests: Manifest[], manifest: Manifest) => void manifests.splice(manifests.indexOf(manifest), 1);

/** Broken copies of good manifests, one fault each: every one must be caught, or the validator is too weak. */
export const mutations: Mutation[] = [
  { name: 'a field of the wrong type (replicas: "two")', apply: (m) => void (at(api(m), 'spec').replicas = 'two') },
  { name: 'a replica count on a Deployment an autoscaler owns', apply: (m) => void (at(worker(m), 'spec').replicas = 3) },
  { name: 'a misspelt field in a container (imagePullPolicyy)', apply: (m) => void (container(api(m)).imagePullPolicyy = 'Always') },
  { name: 'a misspelt field in a KEDA ScaledObject (minReplicas)', apply: (m) => void (at(find(m, 'ScaledObject'), 'spec').minReplicas = 2) },
  { name: 'a value outside an enum (Service type Loadbalancer)', apply: (m) => void (at(find(m, 'Service', 'llmops-api'), 'spec').type = 'Loadbalancer') },
  { name: 'a worker grace period shorter than SHUTDOWN_DEADLINE_MS', apply: (m) => void (podSpec(worker(m)).terminationGracePeriodSeconds = 20) },
  {
    name: 'a queue no worker serves',
    apply: (m) =>
      void (env(worker(m), 'WORKER_QUEUES').value =
        String(env(worker(m), 'WORKER_QUEUES').value)
          .split(',')
          .slice(1)
          .join(',') || 'ingest'),
  },
  { name: 'a KEDA query without the prioritized state', apply: (m) => void (trigger(m).query = 'sum(llmops_queue_jobs{state="waiting"})') },
  { name: 'a ScaledObject with minReplicaCount 0', apply: (m) => void (at(find(m, 'ScaledObject'), 'spec').minReplicaCount = 0) },
  { name: 'a writable root filesystem', apply: (m) => void (at(container(worker(m)), 'securityContext').readOnlyRootFilesystem = false) },
  { name: 'a pod that may run as root', apply: (m) => void delete at(podSpec(api(m)), 'securityContext').runAsNonRoot },
  { name: 'a literal secret value', apply: (m) => void (env(api(m), 'PII_VAULT_KEY').value = '00'.repeat(32)) },
  {
    name: 'a worker given the admin token',
    apply: (m) => void envList(worker(m)).push({ name: 'ADMIN_TOKEN', valueFrom: { secretKeyRef: { name: 'llmops-secrets', key: 'ADMIN_TOKEN' } } }),
  },
  { name: 'a worker without its PodDisruptionBudget', apply: (m) => remove(m, find(m, 'PodDisruptionBudget', worker(m).metadata.name)) },
  { name: 'a ScaledObject naming a missing Deployment', apply: (m) => void (at(find(m, 'ScaledObject'), 'spec.scaleTargetRef').name = 'llmops-worker-nope') },
  { name: 'the api without its HPA', apply: (m) => remove(m, find(m, 'HorizontalPodAutoscaler')) },
  { name: 'the api live-checked on /readyz', apply: (m) => void (at(container(api(m)), 'livenessProbe.httpGet').path = '/readyz') },
  { name: 'an image tagged latest', apply: (m) => void (container(api(m)).image = 'llmops/api:latest') },
  { name: 'a kind without a schema', apply: (m) => void m.push({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }) },
];

/** Runs every mutation on a copy of `good` (which must itself pass); returns the ones that went unnoticed. */
export function selfTest(good: Rendered): { clean: number; missed: string[]; caught: { name: string; first: string }[] } {
  const clean = problemCount(checkAll([good])[0]!);
  const copies: Rendered[] = mutations.map((mutation, index) => {
    const manifests = structuredClone(good.manifests);
    mutation.apply(manifests);
    return { target: `mutation-${index}`, manifests };
  });
  const reports = checkAll(copies);
  const caught: { name: string; first: string }[] = [];
  const missed: string[] = [];
  for (const [index, report] of reports.entries()) {
    const first = [...report.schema, ...report.unknownFields, ...report.policy][0];
    if (first) caught.push({ name: mutations[index]!.name, first });
    else missed.push(mutations[index]!.name);
  }
  return { clean, missed, caught };
}
