// In-memory Qdrant semantics, just enough for the adapter: collections, points, filters, query,
// scroll, count. Not a Qdrant: no segments, no HNSW, exact search only.
type Json = Record<string, unknown>;
type Id = string | number;

export interface StandinCollection {
  size: number;
  distance: 'Cosine' | 'Dot' | 'Euclid';
  metadata: Json | null;
  points: Map<string, { id: Id; vector: number[]; payload: Json }>;
  indexes: Map<string, unknown>;
}

const asArray = <T>(v: T | T[] | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

function valuesAt(payload: Json, key: string): unknown[] {
  let current: unknown[] = [payload];
  for (const part of key.split('.')) {
    current = current.flatMap((c) => (c && typeof c === 'object' && !Array.isArray(c) ? asArray((c as Json)[part]) : []));
  }
  return current;
}

function fieldMatches(cond: Json, payload: Json): boolean {
  const values = valuesAt(payload, String(cond.key));
  const match = cond.match as Json | undefined;
  if (match && 'value' in match) return values.some((v) => v === match.value);
  if (match && 'any' in match) return values.some((v) => (match.any as unknown[]).includes(v));
  if (match && 'except' in match) return values.every((v) => !(match.except as unknown[]).includes(v));
  const range = cond.range as Record<string, number | undefined> | undefined;
  if (range) {
    return values.some(
      (v) =>
        typeof v === 'number' &&
        (range.gt == null || v > range.gt) &&
        (range.gte == null || v >= range.gte) &&
        (range.lt == null || v < range.lt) &&
        (range.lte == null || v <= range.lte),
    );
  }
  throw new Error(`stand-in: unsupported field condition ${JSON.stringify(cond)}`);
}

function conditionMatches(cond: Json, point: { id: Id; payload: Json }): boolean {
  if ('has_id' in cond) return (cond.has_id as Id[]).map(String).includes(String(point.id));
  if ('key' in cond) return fieldMatches(cond, point.payload);
  if ('must' in cond || 'should' in cond || 'must_not' in cond) return filterMatches(cond, point);
  throw new Error(`stand-in: unsupported condition ${JSON.stringify(cond)}`);
}

export function filterMatches(filter: Json | null | undefined, point: { id: Id; payload: Json }): boolean {
  if (!filter) return true;
  const must = asArray(filter.must as Json | Json[]);
  const should = asArray(filter.should as Json | Json[]);
  const mustNot = asArray(filter.must_not as Json | Json[]);
  return (
    must.every((c) => conditionMatches(c, point)) &&
    (should.length === 0 || should.some((c) => conditionMatches(c, point))) &&
    mustNot.every((c) => !conditionMatches(c, point))
  );
}

function normalize(v: number[]): number[] {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

/** Qdrant's score: cosine/dot similarity (higher first), Euclidean distance (lower first). */
export function score(distance: StandinCollection['distance'], stored: number[], query: number[]): number {
  if (distance === 'Euclid') return Math.sqrt(stored.reduce((s, x, i) => s + (x - query[i]!) ** 2, 0));
  const q = distance === 'Cosine' ? normalize(query) : query;
  return stored.reduce((s, x, i) => s + x * q[i]!, 0);
}

export function storedVector(distance: StandinCollection['distance'], v: number[]): number[] {
  // Qdrant normalises cosine vectors on write.
  return distance === 'Cosine' ? normalize(v) : v;
}
