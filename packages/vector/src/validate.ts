import { InvalidVectorInputError } from './errors';
import { METADATA_KEY_PATTERN } from './filter';
import type { CollectionMeta, CollectionSpec, Distance, VectorPoint } from './types';

export const COLLECTION_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DISTANCES: readonly Distance[] = ['cosine', 'dot', 'euclid'];

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME_PATTERN.test(name)) {
    throw new InvalidVectorInputError(`invalid collection name "${name}" (want ${COLLECTION_NAME_PATTERN.source})`);
  }
}

export function assertTenant(tenant: unknown): asserts tenant is string {
  if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 256) {
    throw new InvalidVectorInputError('a non-empty tenant (at most 256 chars) is required');
  }
}

/** Fills defaults and checks a collection spec. */
export function normalizeSpec(spec: CollectionSpec): Required<Omit<CollectionSpec, 'annIndex'>> & Pick<CollectionSpec, 'annIndex'> {
  assertCollectionName(spec.name);
  if (!Number.isInteger(spec.dimensions) || spec.dimensions < 1 || spec.dimensions > 65_536) {
    throw new InvalidVectorInputError(`dimensions must be an integer in 1..65536, got ${spec.dimensions}`);
  }
  const distance = spec.distance ?? 'cosine';
  if (!DISTANCES.includes(distance)) throw new InvalidVectorInputError(`unknown distance "${distance}"`);
  const keywordIndexes = spec.keywordIndexes ?? [];
  for (const field of keywordIndexes) {
    if (field !== 'documentId' && !(field.startsWith('metadata.') && METADATA_KEY_PATTERN.test(field.slice('metadata.'.length)))) {
      throw new InvalidVectorInputError(`keyword index field "${field}" is not documentId or metadata.<key>`);
    }
  }
  if (spec.annIndex !== undefined && spec.annIndex !== 'hnsw_sq' && spec.annIndex !== 'ivf_pq')
    throw new InvalidVectorInputError(`unknown annIndex "${String(spec.annIndex)}"`);
  return {
    name: spec.name,
    dimensions: spec.dimensions,
    distance,
    meta: spec.meta ?? {},
    keywordIndexes,
    ...(spec.annIndex ? { annIndex: spec.annIndex } : {}),
  };
}

/** Order-insensitive comparison of two meta records. */
export function sameMeta(a: CollectionMeta, b: CollectionMeta): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export function assertVector(vector: ArrayLike<number>, dimensions: number): void {
  if (vector.length !== dimensions) {
    throw new InvalidVectorInputError(`vector has ${vector.length} dimensions, collection has ${dimensions}`);
  }
  for (let i = 0; i < vector.length; i++) {
    if (!Number.isFinite(vector[i])) throw new InvalidVectorInputError(`vector[${i}] is not a finite number`);
  }
}

export function assertPoint(p: VectorPoint, dimensions: number): void {
  if (!UUID.test(p.id)) throw new InvalidVectorInputError(`point id "${p.id}" is not a lowercase UUID (use pointId())`);
  assertVector(p.vector, dimensions);
  const { payload } = p;
  if (typeof payload.documentId !== 'string' || payload.documentId.length === 0) {
    throw new InvalidVectorInputError(`point ${p.id}: payload.documentId must be a non-empty string`);
  }
  for (const k of ['chunkIndex', 'start', 'end'] as const) {
    if (!Number.isInteger(payload[k]) || payload[k] < 0 || payload[k] > 2 ** 31 - 1) {
      throw new InvalidVectorInputError(`point ${p.id}: payload.${k} must be a non-negative int32`);
    }
  }
  for (const [k, v] of Object.entries(payload.metadata)) {
    if (!METADATA_KEY_PATTERN.test(k)) throw new InvalidVectorInputError(`point ${p.id}: metadata key "${k}" is not allowed`);
    if (!['string', 'number', 'boolean'].includes(typeof v) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new InvalidVectorInputError(`point ${p.id}: metadata.${k} must be a string, finite number or boolean`);
    }
  }
}

/** Last write wins within a batch: a batch with a repeated id is rejected whole by LanceDB. */
export function dedupeById<T extends { id: string }>(points: readonly T[]): T[] {
  return [...new Map(points.map((p) => [p.id, p])).values()];
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
