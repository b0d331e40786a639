import { nameOf, type Manifest } from './render';

/** What the platform needs from its manifests beyond valid shapes. Each check names what it found. */

type Container = {
  name: string;
  image?: string;
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
};
type Probe = { httpGet?: { path?: string; port?: string | number }; exec?: { command?: string[] } };
type PodSpec = {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type?: string } };
};
type DeploymentLike = Manifest & {
  spec: { replicas?: unknown; selector: { matchLabels?: Record<string, string> }; template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } };
};
type Selecting = Manifest & { spec: { selector?: { matchLabels?: Record<string, string> } } };
type ScaledObjectLike = Manifest & {
  spec: {
    scaleTargetRef: { name: string; kind?: string };
    minReplicaCount?: number;
    maxReplicaCount?: number;
    triggers: { type: string; metricType?: string; metadata: Record<string, string> }[];
  };
};

/** The Secrets the manifests may reference, with their keys (created by the operator, see deploy/README.md). */
export const SECRETS: Record<string, readonly string[]> = {
  'llmops-secrets': ['PII_VAULT_KEY', 'OPENAI_API_KEY', 'ADMIN_TOKEN', 'METRICS_TOKEN', 'REDIS_URL', 'QDRANT_API_KEY'],
  'llmops-api-keys': ['api-keys'],
};
/** Variables whose values are secrets: never a literal in a manifest or a ConfigMap. */
const SECRET_VARIABLES = ['PII_VAULT_KEY', 'OPENAI_API_KEY', 'ADMIN_TOKEN', 'METRICS_TOKEN', 'QDRANT_API_KEY', 'API_KEYS', 'LLM_PROVIDERS'];
/** Variables only the api may see (tenants' keys, admin and metrics tokens). */
const API_ONLY = ['ADMIN_TOKEN', 'METRICS_TOKEN', 'API_KEYS', 'API_KEYS_FILE'];
/**
 * Kept between SHUTDOWN_DEADLINE_MS and the kubelet's SIGKILL. The worker's whole shutdown (hand-back,
 * connections, services) ends by the deadline, with its own forced exit there (apps/worker/src/run.ts);
 * the margin covers a process slow to be scheduled on a busy node.
 */
const GRACE_MARGIN_SECONDS = 10;
/** apps/worker/src/env.ts's default. */
const DEFAULT_SHUTDOWN_DEADLINE_MS = 25_000;

const component = (manifest: Manifest) => manifest.metadata.labels?.['app.kubernetes.io/component'];
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);
const envOf = (container: Container, name: string) => container.env?.find((entry) => entry.name === name);

/** Every problem of one rendered kustomization, given the job queues the platform's catalog defines. */
export function policyProblems(manifests: readonly Manifest[], catalogQueues: readonly string[]): string[] {
  const problems: string[] = [];
  const deployments = manifests.filter((m): m is DeploymentLike => m.kind === 'Deployment');
  const pdbs = manifests.filter((m): m is Selecting => m.kind === 'PodDisruptionBudget');
  const scaledObjects = manifests.filter((m): m is ScaledObjectLike => m.kind === 'ScaledObject');
  const hpas = manifests.filter((m) => m.kind === 'HorizontalPodAutoscaler') as (Manifest & { spec: { scaleTargetRef: { name: string } } })[];
  const configMaps = manifests.filter((m) => m.kind === 'ConfigMap') as (Manifest & { data?: Record<string, string> })[];
  const served = new Map<string, string>();

  for (const deployment of deployments) {
    const where = nameOf(deployment);
    const pod = deployment.spec.template.spec;
    const labels = deployment.spec.template.metadata?.labels;
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: pod securityContext.runAsNonRoot must be true`);
    if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${where}: pod seccompProfile must be RuntimeDefault`);
    if (pod.automountServiceAccountToken !== false)
      problems.push(`${where}: automountServiceAccountToken must be false (the pods never call the Kubernetes API)`);
    const autoscaled = [...hpas, ...scaledObjects].some((scaler) => scaler.spec.scaleTargetRef.name === deployment.metadata.name);
    if (autoscaled && deployment.spec.replicas !== undefined)
      problems.push(`${where}: sets replicas although an autoscaler owns the count (every apply would reset it)`);
    const budgets = pdbs.filter((pdb) => matches(pdb.spec.selector?.matchLabels, labels));
    if (budgets.length !== 1) problems.push(`${where}: ${budgets.length} PodDisruptionBudgets select its pods (want exactly 1)`);
    for (const container of pod.containers) {
      const at = `${where} container ${container.name}`;
      const security = container.securityContext;
      if (security?.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem must be true`);
      if (security?.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation must be false`);
      if (!security?.capabilities?.drop?.includes('ALL')) problems.push(`${at}: capabilities must drop ALL`);
      if (!container.resources?.requests?.cpu || !container.resources.requests.memory)
        problems.push(`${at}: resources.requests needs cpu and memory (the HPA and KEDA scale on them)`);
      if (!container.resources?.limits?.memory) problems.push(`${at}: resources.limits.memory is missing`);
      if (!container.image || container.image.endsWith(':latest') || !container.image.includes(':'))
        problems.push(`${at}: image must carry a tag other than latest`);
      if (!container.livenessProbe) problems.push(`${at}: no livenessProbe`);
      problems.push(...secretProblems(at, container, component(deployment) === 'worker'));
      for (const source of container.envFrom ?? []) {
        const name = source.configMapRef?.name;
        if (name && !configMaps.some((map) => map.metadata.name === name))
          problems.push(`${at}: envFrom names ConfigMap ${name}, which is not in the manifests`);
        if (source.secretRef) problems.push(`${at}: envFrom secretRef hands over every key of ${source.secretRef.name}; name each variable instead`);
      }
    }
    if (component(deployment) === 'api') problems.push(...apiProblems(deployment, hpas, manifests));
    if (component(deployment) === 'worker') problems.push(...workerProblems(deployment, scaledObjects, hpas, catalogQueues, served));
  }
  const missing = catalogQueues.filter((queue) => !served.has(queue));
  if (missing.length > 0) problems.push(`no worker Deployment serves ${missing.join(', ')} (set WORKER_QUEUES of a family)`);
  for (const scaled of scaledObjects) {
    if (!deployments.some((deployment) => deployment.metadata.name === scaled.spec.scaleTargetRef.name)) {
      problems.push(`${nameOf(scaled)}: scales Deployment ${scaled.spec.scaleTargetRef.name}, which is not in the manifests`);
    }
  }
  for (const map of configMaps) {
    for (const key of Object.keys(map.data ?? {}))
      if (SECRET_VARIABLES.includes(key)) problems.push(`${nameOf(map)}: ${key} is a secret; it belongs in the Secret llmops-secrets`);
  }
  return problems;
}

function secretProblems(at: string, container: Container, isWorker: boolean): string[] {
  const problems: string[] = [];
  for (const entry of container.env ?? []) {
    if (SECRET_VARIABLES.includes(entry.name) && entry.value !== undefined) problems.push(`${at}: ${entry.name} has a literal value; take it from the Secret`);
    if (isWorker && API_ONLY.includes(entry.name)) problems.push(`${at}: workers must not get ${entry.name}`);
    const ref = entry.valueFrom?.secretKeyRef;
    if (ref && !SECRETS[ref.name]?.includes(ref.key)) problems.push(`${at}: ${entry.name} reads ${ref.name}/${ref.key}, not a documented Secret key`);
  }
  return problems;
}

function apiProblems(
  deployment: DeploymentLike,
  hpas: readonly (Manifest & { spec: { scaleTargetRef: { name: string } } })[],
  manifests: readonly Manifest[],
): string[] {
  const where = nameOf(deployment);
  const problems: string[] = [];
  const container = deployment.spec.template.spec.containers[0]!;
  if (container.readinessProbe?.httpGet?.path !== '/readyz') problems.push(`${where}: readinessProbe must GET /readyz`);
  if (container.livenessProbe?.httpGet?.path !== '/healthz')
    problems.push(`${where}: livenessProbe must GET /healthz (not /readyz: a Redis outage must not restart every api pod)`);
  if (!hpas.some((hpa) => hpa.spec.scaleTargetRef.name === deployment.metadata.name)) problems.push(`${where}: no HorizontalPodAutoscaler scales it`);
  const services = (
    manifests.filter((m) => m.kind === 'Service') as (Manifest & { spec: { selector?: Record<string, string>; ports?: { targetPort?: string | number }[] } })[]
  ).filter((service) => matches(service.spec.selector, deployment.spec.template.metadata?.labels));
  if (services.length === 0) problems.push(`${where}: no Service selects its pods`);
  const portNames = new Set(deployment.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).flatMap((p) => [p.name, p.containerPort])));
  for (const service of services) {
    for (const port of service.spec.ports ?? [])
      if (port.targetPort !== undefined && !portNames.has(port.targetPort))
        problems.push(`${nameOf(service)}: targetPort ${port.targetPort} is not a port of ${where}`);
  }
  return problems;
}

function workerProblems(
  deployment: DeploymentLike,
  scaledObjects: readonly ScaledObjectLike[],
  hpas: readonly (Manifest & { spec: { scaleTargetRef: { name: string } } })[],
  catalogQueues: readonly string[],
  served: Map<string, string>,
): string[] {
  const where = nameOf(deployment);
  const problems: string[] = [];
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0]!;
  const queues = (envOf(container, 'WORKER_QUEUES')?.value ?? '')
    .split(',')
    .map((queue) => queue.trim())
    .filter(Boolean);
  if (queues.length === 0) problems.push(`${where}: WORKER_QUEUES is not set (each family serves its own queues; unset would serve all of them)`);
  for (const queue of queues) {
    if (!catalogQueues.includes(queue)) problems.push(`${where}: WORKER_QUEUES names ${queue}, which is not a job queue (the worker would refuse to start)`);
    const other = served.get(queue);
    if (other) problems.push(`${where}: ${queue} is already served by ${other}`);
    served.set(queue, where);
  }
  const deadlineMs = Number(envOf(container, 'SHUTDOWN_DEADLINE_MS')?.value ?? DEFAULT_SHUTDOWN_DEADLINE_MS);
  const needed = Math.ceil(deadlineMs / 1000) + GRACE_MARGIN_SECONDS;
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (grace < needed)
    problems.push(
      `${where}: terminationGracePeriodSeconds ${grace} < ${needed} (SHUTDOWN_DEADLINE_MS ${deadlineMs} ms + ${GRACE_MARGIN_SECONDS} s margin): SIGKILL would land before the hand-back`,
    );
  if (hpas.some((hpa) => hpa.spec.scaleTargetRef.name === deployment.metadata.name)) problems.push(`${where}: an HPA scales it as well as KEDA`);
  const scalers = scaledObjects.filter((scaled) => scaled.spec.scaleTargetRef.name === deployment.metadata.name);
  if (scalers.length !== 1) return [...problems, `${where}: ${scalers.length} ScaledObjects scale it (want exactly 1)`];
  const scaled = scalers[0]!;
  const min = scaled.spec.minReplicaCount ?? 0;
  if (min < 1) problems.push(`${nameOf(scaled)}: minReplicaCount ${min}: keep at least 1 (the api's /readyz needs a worker heartbeat)`);
  if ((scaled.spec.maxReplicaCount ?? 100) < min) problems.push(`${nameOf(scaled)}: maxReplicaCount below minReplicaCount`);
  const trigger = scaled.spec.triggers.find((candidate) => candidate.type === 'prometheus');
  if (!trigger) return [...problems, `${nameOf(scaled)}: no prometheus trigger on llmops_queue_jobs`];
  const query = trigger.metadata.query ?? '';
  if (!query.includes('llmops_queue_jobs')) problems.push(`${nameOf(scaled)}: the query does not read llmops_queue_jobs`);
  for (const state of ['waiting', 'prioritized'])
    if (!query.includes(state)) problems.push(`${nameOf(scaled)}: the query leaves out state ${state} (fair scheduling puts jobs in the prioritized set)`);
  for (const queue of queues)
    if (!new RegExp(`[="|~]${queue.replace(/[-]/g, '\\-')}(?=[|"])`).test(query)) problems.push(`${nameOf(scaled)}: the query does not count queue ${queue}`);
  if (!(Number(trigger.metadata.threshold) > 0)) problems.push(`${nameOf(scaled)}: threshold must be a positive number (jobs per replica)`);
  if (trigger.metricType !== undefined && trigger.metricType !== 'AverageValue')
    problems.push(`${nameOf(scaled)}: metricType must be AverageValue (jobs per replica)`);
  return problems;
}
