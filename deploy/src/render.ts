import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object as rendered: plain JSON data. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<
  string,
  unknown
>;

/** A kustomization rendered to its objects. */
export interface Rendered {
  /** The kustomization's folder, relative to deploy/kubernetes (e.g. `overlays/production`). */
  target: string;
  manifests: Manifest[];
}

export class RenderError extends Error {
  readonly kind = 'render';
}

/** Every folder to validate: the base and each overlay (components are checked through the overlays using them). */
export function kustomizations(root: string): string[] {
  const overlays = join(root, 'overlays');
  const names = existsSync(overlays) ? readdirSync(overlays).filter((name) => existsSync(join(overlays, name, 'kustomization.yaml'))) : [];
  return [join(root, 'base'), ...names.sort().map((name) => join(overlays, name))];
}

/**
 * `kubectl kustomize <dir>`: renders without a cluster (kubectl is a client here; kustomize is built
 * in). Each YAML document becomes one manifest.
 */
export function render(root: string, dir: string): Rendered {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new RenderError(`kubectl is needed to render the kustomizations (${run.error.message}); install kubectl (client only)`);
  if (run.status !== 0) throw new RenderError(`kubectl kustomize ${relative(root, dir)} failed: ${run.stderr.trim()}`);
  return { target: relative(root, dir), manifests: parseManifests(run.stdout) };
}

export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new RenderError(`YAML: ${document.errors[0]!.message}`);
      return document.toJS() as Manifest | null;
    })
    .filter((manifest): manifest is Manifest => manifest !== null);
}

/** `Kind/name` for messages. */
export const nameOf = (manifest: Manifest): string => `${manifest.kind}/${manifest.metadata?.name ?? '?'}`;
