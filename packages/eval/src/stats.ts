/** Summary statistics over per-sample scores. Empty inputs give 0 (and pass@k 0), never NaN. */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (n - 1); 0 for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

export function passRate(passes: readonly boolean[]): number {
  return passes.length === 0 ? 0 : passes.filter(Boolean).length / passes.length;
}

/**
 * The unbiased pass@k estimator (Chen et al. 2021): the chance that at least one of k samples drawn
 * without replacement from n, of which c passed, passes: `1 - C(n-c, k) / C(n, k)`.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (n <= 0 || k <= 0) return 0;
  if (k > n) k = n;
  if (n - c < k) return 1;
  // Product form avoids huge binomials.
  let fail = 1;
  for (let i = n - c + 1; i <= n; i++) fail *= 1 - k / i;
  return 1 - fail;
}

/**
 * Share of unordered pairs that agree: 1 when every verdict is the same, 0.5-ish for coin flips.
 * Undefined (null) for fewer than two verdicts.
 */
export function pairwiseAgreement(verdicts: readonly boolean[]): number | null {
  const n = verdicts.length;
  if (n < 2) return null;
  const yes = verdicts.filter(Boolean).length;
  const no = n - yes;
  return ((yes * (yes - 1)) / 2 + (no * (no - 1)) / 2) / ((n * (n - 1)) / 2);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`vectors differ in length: ${a.length} vs ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
