// Deterministic bench data: entry i's vector is a noisy copy of one of CLUSTERS centers, so nearest
// neighbours are meaningful and a probe near entry i has entry i as its nearest point.
import { seededRandom } from '@llmops/eval';
import { uuidV5 } from '@llmops/vector';

export const DIMS = 256;
export const CLUSTERS = 20_000;
export const TENANT = 'bench-tenant';
/** Every tenth entry belongs to other tenants and scopes, so filters have something to exclude. */
export const isOther = (i: number) => i % 10 === 9;
const NAMESPACE = '5d0b1f3a-9c2e-4e6b-8f7a-1b2c3d4e5f60';

const centers: Float32Array = (() => {
  const next = seededRandom(7);
  const out = new Float32Array(CLUSTERS * DIMS);
  for (let i = 0; i < out.length; i++) out[i] = next() * 2 - 1;
  return out;
})();

function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}

/** Entry i's vector (unit length). */
export function vectorOf(i: number): Float32Array {
  const next = seededRandom(1_000_003 + i);
  const c = (i * 2_654_435_761) % CLUSTERS;
  const v = new Float32Array(DIMS);
  for (let d = 0; d < DIMS; d++) v[d] = centers[c * DIMS + d]! + (next() * 2 - 1) * 0.6;
  return normalize(v);
}

/** A query near entry i (cosine ~0.98 with it). */
export function probeOf(i: number): number[] {
  const next = seededRandom(9_000_001 + i);
  const v = vectorOf(i).map((x) => x + (next() * 2 - 1) * 0.02);
  return Array.from(normalize(v));
}

export const entryIdOf = (i: number) => `bench-entry-${i}`;
export const pointIdOf = (i: number) => uuidV5(`bench-${i}`, NAMESPACE);
