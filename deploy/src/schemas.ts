import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { nameOf, type Manifest } from './render';

interface Schema {
  /** The model class: its validate() runs the JSON schema of the API (compiled from Kubernetes' OpenAPI / the CRD). */
  model: new (data: never) => { validate(): void };
  /** The module and interface holding the same schema as TypeScript types (for the unknown-field check). */
  types: { module: string; name: string };
}

const schema = (model: Schema['model'], module: string, kind: string): Schema => ({ model, types: { module, name: `I${kind}` } });

/**
 * The kinds these manifests may use, by `apiVersion/kind`: Kubernetes 1.34 (kubernetes-models), KEDA
 * (@kubernetes-models/keda), Prometheus Operator. A kind not listed here is a problem, not a skip.
 */
export const schemas: Record<string, Schema> = {
  'v1/ConfigMap': schema(ConfigMap, 'kubernetes-models/v1/ConfigMap', 'ConfigMap'),
  'v1/Namespace': schema(Namespace, 'kubernetes-models/v1/Namespace', 'Namespace'),
  'v1/Service': schema(Service, 'kubernetes-models/v1/Service', 'Service'),
  'v1/ServiceAccount': schema(ServiceAccount, 'kubernetes-models/v1/ServiceAccount', 'ServiceAccount'),
  'apps/v1/Deployment': schema(Deployment, 'kubernetes-models/apps/v1/Deployment', 'Deployment'),
  'autoscaling/v2/HorizontalPodAutoscaler': schema(
    HorizontalPodAutoscaler,
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    'HorizontalPodAutoscaler',
  ),
  'policy/v1/PodDisruptionBudget': schema(PodDisruptionBudget, 'kubernetes-models/policy/v1/PodDisruptionBudget', 'PodDisruptionBudget'),
  'networking.k8s.io/v1/NetworkPolicy': schema(NetworkPolicy, 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy', 'NetworkPolicy'),
  'keda.sh/v1alpha1/ScaledObject': schema(ScaledObject, '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject', 'ScaledObject'),
  'keda.sh/v1alpha1/TriggerAuthentication': schema(
    TriggerAuthentication,
    '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication',
    'TriggerAuthentication',
  ),
  'monitoring.coreos.com/v1/ServiceMonitor': schema(
    ServiceMonitor,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
    'ServiceMonitor',
  ),
};

export const schemaKey = (manifest: Manifest): string => `${manifest.apiVersion}/${manifest.kind}`;

/** Types, required fields, enums and formats against the API's schema; one message per manifest that fails. */
export function schemaProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  for (const manifest of manifests) {
    const found = schemas[schemaKey(manifest)];
    if (!found) {
      problems.push(`${nameOf(manifest)}: no schema for ${schemaKey(manifest)} (add it to deploy/src/schemas.ts)`);
      continue;
    }
    try {
      // The model re-adds apiVersion and kind itself.
      const { apiVersion: _apiVersion, kind: _kind, ...data } = manifest;
      new found.model(data as never).validate();
    } catch (error) {
      problems.push(`${nameOf(manifest)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}
