/** A candidate from {@link VectorIndex.top}. */
export interface Neighbour {
  id: string;
  similarity: number;
}

/**
 * The vectors of one cache scope, in one growing Float32Array, scanned with dot products. Vectors are
 * unit length, so the dot product is the cosine similarity. Removed ids leave a zero row (skipped)
 * until the index is rebuilt, so removal is O(1).
 */
export class VectorIndex {
  private matrix: Float32Array;
  private ids: (string | undefined)[] = [];
  private rowOf = new Map<string, number>();

  constructor(readonly dimensions: number, initialCapacity = 256) {
    this.matrix = new Float32Array(dimensions * initialCapacity);
  }

  get size(): number {
    return this.rowOf.size;
  }

  add(id: string, vector: Float32Array): void {
    if (vector.length !== this.dimensions) throw new RangeError(`vector has ${vector.length} dimensions, index ${this.dimensions}`);
    const existing = this.rowOf.get(id);
    const row = existing ?? this.ids.length;
    if (existing === undefined) {
      if ((row + 1) * this.dimensions > this.matrix.length) {
        const grown = new Float32Array(this.matrix.length * 2);
        grown.set(this.matrix);
        this.matrix = grown;
      }
      this.ids.push(id);
      this.rowOf.set(id, row);
    }
    this.matrix.set(vector, row * this.dimensions);
  }

  remove(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    this.rowOf.delete(id);
    this.ids[row] = undefined;
    this.matrix.fill(0, row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** The `k` most similar ids at or above `minSimilarity`, best first. */
  top(query: Float32Array, k: number, minSimilarity: number): Neighbour[] {
    const dims = this.dimensions;
    const matrix = this.matrix;
    const best: Neighbour[] = [];
    let floor = minSimilarity;
    for (let row = 0; row < this.ids.length; row++) {
      const id = this.ids[row];
      if (id === undefined) continue;
      let dot = 0;
      const base = row * dims;
      for (let d = 0; d < dims; d++) dot += matrix[base + d]! * query[d]!;
      if (dot < floor) continue;
      best.push({ id, similarity: dot });
      best.sort((a, b) => b.similarity - a.similarity);
      if (best.length > k) best.pop();
      if (best.length === k) floor = best[k - 1]!.similarity;
    }
    return best;
  }
}

/** Scales to unit length (a zero vector stays zero). */
export function unit(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += out[i]! * out[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / norm;
  return out;
}
